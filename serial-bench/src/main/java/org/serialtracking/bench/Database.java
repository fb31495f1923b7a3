package org.serialtracking.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** JDBC for the harness: its own connections (not the server's), COPY, and index juggling. */
final class Database {

    private final String url;
    private final String user;

    Database(String url, String user) {
        this.url = url;
        this.user = user;
    }

    Connection connect(String schema) throws SQLException {
        Connection c = DriverManager.getConnection(url, user, "");
        exec(c, "set search_path = " + schema);
        return c;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no row: " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    static String text(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Streams rows into COPY ... FROM STDIN (text format) in chunks of about a megabyte. */
    static final class Copy implements AutoCloseable {
        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(1 << 20);
        private long rows;

        Copy(Connection c, String sql) throws SQLException {
            this.in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        Copy row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                buffer.append(values[i] == null ? "\\N" : values[i].toString());
            }
            buffer.append('\n');
            rows++;
            if (buffer.length() > (1 << 20) - 1000) {
                flush();
            }
            return this;
        }

        private void flush() throws SQLException {
            byte[] b = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(b, 0, b.length);
            buffer.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            flush();
            in.endCopy();
        }

        long rows() {
            return rows;
        }
    }

    /**
     * The secondary indexes and the unique and foreign-key constraints of a table, as SQL that
     * recreates them; primary keys stay. Used to load millions of rows without maintaining them
     * row by row, and to give the baseline's tables exactly the application's indexes.
     */
    static List<String> indexesAndConstraints(Connection c, String schema, String table, String targetSchema,
                                              boolean foreignKeys) throws SQLException {
        List<String> ddl = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select i.indexname, i.indexdef from pg_indexes i "
                + "where i.schemaname = ? and i.tablename = ? and not exists (select 1 from pg_constraint k "
                + "where k.conname = i.indexname and k.connamespace = (select oid from pg_namespace where nspname = ?))"
                + " order by i.indexname")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ddl.add(rs.getString(2).replace(" ON " + schema + "." + table + " ",
                            " ON " + targetSchema + "." + table + " "));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select conname, pg_get_constraintdef(oid), contype "
                + "from pg_constraint where conrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass "
                + "and contype in ('u', 'f') order by contype desc, conname")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(3).equals("f") && !foreignKeys) {
                        continue;
                    }
                    ddl.add("alter table " + targetSchema + "." + table + " add constraint " + rs.getString(1) + " "
                            + rs.getString(2));
                }
            }
        }
        return ddl;
    }

    /** Drops what {@link #indexesAndConstraints} lists (constraints first: they may own indexes). */
    static void dropIndexesAndConstraints(Connection c, String schema, String table) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select conname from pg_constraint where conrelid = "
                + "(quote_ident(?) || '.' || quote_ident(?))::regclass and contype in ('u', 'f')")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("alter table " + schema + "." + table + " drop constraint " + rs.getString(1));
                }
            }
        }
        for (String d : drops) {
            exec(c, d);
        }
        drops.clear();
        try (PreparedStatement ps = c.prepareStatement("select i.indexname from pg_indexes i where i.schemaname = ? "
                + "and i.tablename = ? and not exists (select 1 from pg_constraint k where k.conname = i.indexname "
                + "and k.connamespace = (select oid from pg_namespace where nspname = ?))")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("drop index " + schema + "." + rs.getString(1));
                }
            }
        }
        for (String d : drops) {
            exec(c, d);
        }
    }
}
