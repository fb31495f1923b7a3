package org.serialtracking.it.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The party rules held by the database itself (migration V12), as the application's role meets
 * them: a receipt names only a supplier, a shipment or a return only a customer, a document no
 * party that does not exist, and a party's code is unique within its kind.
 */
class PartyConstraintsIT {

    Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = Db.connect(Db.APPLICATION);
        db.setAutoCommit(false);
    }

    @AfterEach
    void rollBack() throws SQLException {
        db.rollback();
        db.close();
    }

    private long party(String kind) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "insert into party (kind, code, name) values (?, ?, 'x') returning id")) {
            ps.setString(1, kind);
            ps.setString(2, "P-" + UUID.randomUUID());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts a document header naming a party of the given kind, in a savepoint; returns the refusal, if any. */
    private SQLException document(String type, Long partyId, String kind) throws SQLException {
        Savepoint before = db.setSavepoint();
        try (PreparedStatement ps = db.prepareStatement("insert into inventory_transaction "
                + "(type, number, posted_by, party_id, party_kind) values (?, ?, 'it', ?, ?)")) {
            ps.setString(1, type);
            ps.setString(2, "T-" + UUID.randomUUID());
            ps.setObject(3, partyId);
            ps.setString(4, kind);
            ps.executeUpdate();
            return null;
        } catch (SQLException refused) {
            db.rollback(before);
            return refused;
        }
    }

    private void accepted(String type, Long partyId, String kind) throws SQLException {
        SQLException refused = document(type, partyId, kind);
        assertThat(refused == null).as("%s naming a %s: %s", type, kind, refused).isTrue();
    }

    @Test
    void aDocumentNamesOnlyAPartyOfTheKindItsTypeTakes() throws SQLException {
        long supplier = party("SUPPLIER");
        long customer = party("CUSTOMER");
        accepted("RECEIPT", supplier, "SUPPLIER");
        accepted("SHIPMENT", customer, "CUSTOMER");
        accepted("RESTOCK", customer, "CUSTOMER");
        accepted("TRANSFER", null, null);

        assertThat(document("RECEIPT", customer, "CUSTOMER").getMessage())
                .contains("inventory_transaction_party_fits_type");
        assertThat(document("SHIPMENT", supplier, "SUPPLIER").getMessage())
                .contains("inventory_transaction_party_fits_type");
        assertThat(document("ADJUSTMENT", supplier, "SUPPLIER").getMessage())
                .contains("inventory_transaction_party_fits_type");
        // the kind written must be the party's own: a supplier cannot pass for a customer
        assertThat(document("SHIPMENT", supplier, "CUSTOMER").getMessage())
                .contains("inventory_transaction_party_fk");
        assertThat(document("SHIPMENT", customer, null).getMessage())
                .contains("inventory_transaction_party_fits_type");
        assertThat(document("SHIPMENT", Long.MAX_VALUE, "CUSTOMER").getMessage())
                .contains("inventory_transaction_party_fk");
    }

    @Test
    void aCodeIsUniqueWithinItsKind() throws SQLException {
        String code = "P-" + UUID.randomUUID();
        try (PreparedStatement ps = db.prepareStatement("insert into party (kind, code, name) values (?, ?, 'x')")) {
            ps.setString(1, "CUSTOMER");
            ps.setString(2, code);
            ps.executeUpdate();
            ps.setString(1, "SUPPLIER");
            ps.executeUpdate();
            ps.setString(1, "CUSTOMER");
            SQLException twice = catchThrowableOfType(ps::executeUpdate, SQLException.class);
            assertThat(twice.getMessage()).contains("party_code_uk");
        }
    }
}
