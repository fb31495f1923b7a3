package org.serialtracking.it.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC to the schema of the server under test, as the administrator or as another role. */
public final class Db {

    /** The local administrator: may do anything, as the tests of guards need. */
    public static final String ADMINISTRATOR = "postgres";
    /** The application's role (server.xml's SERIAL_DB_USER default). */
    public static final String APPLICATION = "serial_app";

    private Db() {
    }

    public static Connection connect() throws SQLException {
        return connect(ADMINISTRATOR);
    }

    public static Connection connect(String role) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", role, "");
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + System.getProperty("it.db.schema", "serial_it"));
        }
        return c;
    }
}
