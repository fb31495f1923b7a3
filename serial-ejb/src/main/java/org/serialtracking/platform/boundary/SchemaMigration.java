package org.serialtracking.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date before the application serves anything, as the schema's
 * owner: the migrations run over their own data source ({@code jdbc/serialOwner}) as the owner
 * role, which owns every table, trigger and function; the application's data source
 * ({@code jdbc/serial}) uses a role that may only read and write rows (migration V11).
 * <p>
 * Flyway runs its own transactions (bean-managed here) and takes a database lock, so several
 * servers starting at once migrate exactly once.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/serialOwner")
    DataSource owner;

    @Resource(lookup = "serial/dbSchema")
    String schema;

    @Resource(lookup = "serial/dbOwnerRole")
    String ownerRole;

    @Resource(lookup = "serial/dbAppRole")
    String appRole;

    @PostConstruct
    void migrate() {
        prepareRoles();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(owner)
                .schemas(schema)
                .createSchemas(false)
                // every object the migrations create belongs to the owner role, whoever logs in
                .initSql("set role " + quoted(ownerRole))
                .placeholders(Map.of("appRole", quoted(appRole)))
                // on Liberty, Flyway finds the folder through the empty marker file db/migration/flyway.location
                // (and finds the default callback folder db/callback, empty, through the same marker)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.targetSchemaVersion == null && result.initialSchemaVersion == null) {
            throw new IllegalStateException("No schema migration found: the application cannot start on an empty schema");
        }
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema " + schema + " at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now), owned by " + ownerRole + ", used by " + appRole);
    }

    /**
     * The default set-up makes the two roles itself: when the owner's login may create roles (the
     * local database's administrator), a missing owner role (NOLOGIN) and application role (LOGIN)
     * are created, the schema is created for the owner, and objects of the schema that an older
     * version created under another role are handed to the owner. Where a database administrator
     * prepared the roles and the schema, there is nothing to do here.
     */
    private void prepareRoles() {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the database roles " + ownerRole + " and " + appRole
                    + " for schema " + schema + ": " + e.getMessage(), e);
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

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
