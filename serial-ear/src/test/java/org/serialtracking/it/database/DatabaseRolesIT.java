package org.serialtracking.it.database;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Least privilege (migration V11): the role the application connects as reads and writes rows and
 * can do nothing that would let it switch off the ledger's guards.
 */
class DatabaseRolesIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @BeforeAll
    static void theServerRuns() {
        Api.useServerUnderTest();
        Api.as("viewer").get("/api/settings").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "alter table serial add column sneaky int",
            "alter table serial disable trigger user",
            "alter table serial_history disable trigger serial_history_3_ledger_on_insert",
            "drop trigger serial_3_ledger_on_update on serial",
            "truncate table serial_history, serial, serial_counter",
            "truncate table audit_event",
            "create table sneaky (id int)",
            "create or replace function serial_fold(s text) returns text language sql as $$ select s $$",
            "drop table audit_event",
            "set session_replication_role = replica",
            "update flyway_schema_history set checksum = 0",
            "update serial_transition set to_status = 'IN_STOCK'",
            "select serial_ledger_note('forged', 1, 1, false)",
            "insert into serial_ledger_checked values (pg_backend_pid(), 'forged', 1, 1)"})
    void theApplicationRoleCannot(String sql) throws SQLException {
        try (Connection app = Db.connect(Db.APPLICATION)) {
            app.setAutoCommit(false);
            assertThatThrownBy(() -> execute(app, sql))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                            .as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            app.rollback();
        }
    }

    @Test
    void theApplicationRoleReadsAndWritesRowsAndOwnsNothing() throws SQLException {
        try (Connection app = Db.connect(Db.APPLICATION); Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("select current_user, count(*) from serial")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(Db.APPLICATION);
            }
            s.executeUpdate("insert into audit_event (username, action, subject, detail) values ('t', 'T', 't', 't')");
            app.rollback();
        }
        try (Connection admin = Db.connect(); Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) filter (where r.rolname = 'serial_owner'), count(*) from pg_class c "
                        + "join pg_namespace n on n.oid = c.relnamespace join pg_roles r on r.oid = c.relowner "
                        + "where n.nspname = current_schema() and c.relkind = 'r'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("every table belongs to the owner role").isEqualTo(rs.getLong(2)).isPositive();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
