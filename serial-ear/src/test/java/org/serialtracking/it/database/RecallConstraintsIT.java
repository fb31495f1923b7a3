package org.serialtracking.it.database;

import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.serialtracking.it.rest.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The recall tables' guards (migration V16), as the application's role meets them: a closed recall
 * says by whom and when, an open one does not; a recall has a reason; a suspect is a serial that exists.
 */
@MicroShedTest
class RecallConstraintsIT {

    @Test
    void aRecallIsClosedExactlyWhenItSaysByWhomAndWhenAndAlwaysHasAReason() throws SQLException {
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] sn = Api.serials(1);
        Api.post("RECEIPT", sku, wh, sn);
        String number = Api.as("clerk").body("{\"reason\":\"Guards\",\"serials\":" + Api.list(sn) + "}")
                .post("/api/recalls").then().statusCode(201).extract().jsonPath().getString("number");
        try (Connection db = Db.connect(Db.APPLICATION)) {
            db.setAutoCommit(false);
            try {
                assertThat(refused(db, "update recall set status = 'CLOSED' where number = ?", number))
                        .contains("recall_closed_ck");
                db.rollback();
                assertThat(refused(db, "update recall set closed_at = now(), closed_by = 'x' where number = ?", number))
                        .contains("recall_closed_ck");
                db.rollback();
                assertThat(refused(db, "update recall set reason = '  ' where number = ?", number))
                        .contains("recall_reason_ck");
                db.rollback();
                assertThat(refused(db, "insert into recall_suspect (recall_id, serial_id, source) select id, -1, "
                        + "'SERIAL' from recall where number = ?", number)).contains("recall_suspect_serial_id_fkey");
                db.rollback();
                assertThat(refused(db, "update recall_suspect set source = 'HUNCH' where recall_id = (select id "
                        + "from recall where number = ?)", number)).contains("recall_suspect_source_ck");
            } finally {
                db.rollback();
            }
        }
    }

    private static String refused(Connection db, String sql, String number) {
        SQLException e = catchThrowableOfType(() -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.setString(1, number);
                ps.executeUpdate();
            }
        }, SQLException.class);
        assertThat((Object) e).as(sql).isNotNull();
        return e.getMessage();
    }
}
