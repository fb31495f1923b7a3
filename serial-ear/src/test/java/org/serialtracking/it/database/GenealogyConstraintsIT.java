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
 * The genealogy's guards in the database (migration V13), as the application's role meets them: a
 * unit is never inside itself, directly or through other units.
 */
@MicroShedTest
class GenealogyConstraintsIT {

    @Test
    void noUnitIsInsideItselfHoweverDeep() throws SQLException {
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] c = Api.serials(1);
        String[] p = Api.serials(1);
        String[] q = Api.serials(1);
        Api.post("RECEIPT", sku, wh, c);
        // C goes into P, P into Q
        for (String[] step : new String[][]{{p[0], c[0]}, {q[0], p[0]}}) {
            Api.as("clerk").body("{\"type\":\"BUILD\",\"lines\":[{\"sku\":\"" + sku + "\",\"location\":\"" + wh
                    + "\",\"quantity\":1,\"role\":\"OUTPUT\",\"serials\":[\"" + step[0] + "\"]},{\"sku\":\"" + sku
                    + "\",\"location\":\"" + wh + "\",\"quantity\":1,\"role\":\"COMPONENT\",\"serials\":[\"" + step[1]
                    + "\"]}]}").post("/api/transactions").then().statusCode(201);
        }
        try (Connection db = Db.connect(Db.APPLICATION)) {
            db.setAutoCommit(false);
            try {
                // Q inside C would put C inside itself (C → P → Q → C)
                SQLException cycle = catchThrowableOfType(() -> link(db, q[0], c[0]), SQLException.class);
                assertThat(cycle.getMessage()).contains("serial_link_acyclic").contains("inside itself");
                db.rollback();
                SQLException self = catchThrowableOfType(() -> link(db, c[0], c[0]), SQLException.class);
                assertThat(self.getMessage()).contains("serial_link_not_itself");
            } finally {
                db.rollback();
            }
        }
    }

    /** Links a component serial into an assembly serial, on the last document. */
    private static void link(Connection db, String component, String assembly) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into serial_link (transaction_id, component_id, "
                + "assembly_id, exact) select (select max(id) from inventory_transaction), c.id, a.id, true "
                + "from serial c, serial a where c.serial = ? and a.serial = ?")) {
            ps.setString(1, component);
            ps.setString(2, assembly);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
