package org.serialtracking.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * The database roles of the schema: the owner (NOLOGIN), which owns every table, trigger and
 * function, and the application's login, which may only read and write rows (migration V11).
 */
public class DatabaseRoles {

    private static final Logger LOG = Logger.getLogger(DatabaseRoles.class.getName());

    private final Connection c;
    private final String schema;
    private final String ownerRole;
    private final String appRole;

    public DatabaseRoles(Connection connection, String schema, String ownerRole, String appRole) {
        this.c = connection;
        this.schema = schema;
        this.ownerRole = ownerRole;
        this.appRole = appRole;
    }

    /**
     * The default set-up makes the two roles itself: when the owner's login may create roles (the
     * local database's administrator), a missing owner role (NOLOGIN) and application role (LOGIN)
     * are created, the schema is created for the owner, and objects of the schema that an older
     * version created under another role are handed to the owner. Where a database administrator
     * prepared the roles and the schema, there is nothing to do here.
     */
    public void prepare() throws SQLException {
        try (Statement s = c.createStatement()) {
            // one server at a time (several may start together)
            s.execute("select pg_advisory_lock(hashtext('serial-tracking roles'))");
            try {
                createRole(c, ownerRole, false);
                createRole(c, appRole, true);
                if (!exists(c, "select 1 from pg_namespace where nspname = ?", schema)) {
                    s.execute("create schema " + quoted(schema) + " authorization " + quoted(ownerRole));
                } else if (mayChangeOwners(c)) {
                    handToOwner(c);
                }
            } finally {
                s.execute("select pg_advisory_unlock(hashtext('serial-tracking roles'))");
            }
        }
    }

    private static void createRole(Connection c, String role, boolean login) throws SQLException {
        if (exists(c, "select 1 from pg_roles where rolname = ?", role)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("create role " + quoted(role) + (login ? " login" : " nologin"));
            LOG.info(() -> "Created database role " + role + (login ? " (the application's login)" : " (owner)"));
        }
    }

    private static boolean mayChangeOwners(Connection c) throws SQLException {
        return exists(c, "select 1 from pg_roles where rolname = current_user and rolsuper", null);
    }

    /** Objects created before the roles existed (by the administrator's login) go to the owner. */
    private void handToOwner(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select format('alter %s %s owner to %I', kind, name, ?) from (
                    select 'schema' as kind, quote_ident(n.nspname) as name, n.nspowner as owner
                    from pg_namespace n where n.nspname = ?
                    union all
                    -- a table's sequences and indexes follow it
                    select 'table', format('%I.%I', n.nspname, c.relname), c.relowner
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = ? and c.relkind in ('r', 'p')
                    union all
                    select 'function', p.oid::regprocedure::text, p.proowner
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ?
                ) o where o.owner <> (select oid from pg_roles where rolname = ?)""")) {
            ps.setString(1, ownerRole);
            ps.setString(2, schema);
            ps.setString(3, schema);
            ps.setString(4, schema);
            ps.setString(5, ownerRole);
            try (ResultSet rs = ps.executeQuery(); Statement alter = c.createStatement()) {
                int n = 0;
                while (rs.next()) {
                    alter.execute(rs.getString(1));
                    n++;
                }
                if (n > 0) {
                    int count = n;
                    LOG.info(() -> count + " object(s) of schema " + schema + " handed to the owner role " + ownerRole);
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** An SQL identifier, quoted. */
    public static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
