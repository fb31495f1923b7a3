package org.serialtracking.it.database;

import org.junit.jupiter.api.Test;
import org.serialtracking.serial.SerialNumber;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One serial identity in Java and in PostgreSQL (migration V10): for every character Unicode has
 * assigned, alone and between letters, Java's {@link SerialNumber} and the database agree on whether
 * it may be part of a serial, and on the key that compares serials ({@code serial_fold}).
 */
class SerialIdentityIT {

    @Test
    void javaAndTheDatabaseAgreeOnEveryAssignedCharacter() throws SQLException {
        List<String> raw = new ArrayList<>();
        for (int cp = 1; cp <= Character.MAX_CODE_POINT; cp++) {
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.SURROGATE) {
                continue; // Java refuses them; the database cannot know Java's Unicode version nor hold a lone surrogate
            }
            String c = new String(Character.toChars(cp));
            raw.add(c);
            raw.add("Sn" + c + "x\u03a3");
        }
        List<String> canonical = raw.stream().map(SerialNumber::canonical).toList();
        try (Connection db = Db.connect()) {
            String check;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "select pg_get_constraintdef(oid) from pg_constraint where conname = 'serial_value_ck' "
                            + "and conrelid = 'serial'::regclass")) {
                assertThat(rs.next()).isTrue();
                check = rs.getString(1).replaceFirst("^CHECK ", "");
            }
            // the table's own check, evaluated for each value as a column named serial
            try (PreparedStatement ps = db.prepareStatement("select v.serial, " + check + ", serial_fold(v.serial) "
                    + "from unnest(?::text[]) with ordinality as v(serial, n) order by n")) {
                Array values = db.createArrayOf("text", canonical.toArray());
                ps.setArray(1, values);
                int i = 0;
                List<String> disagreements = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String r = raw.get(i++);
                        boolean javaAccepts = SerialNumber.problemWith(r).isEmpty();
                        boolean databaseAccepts = rs.getBoolean(2);
                        if (javaAccepts != databaseAccepts) {
                            disagreements.add(describe(r) + (javaAccepts ? " accepted by Java only" : " accepted by the database only"));
                        } else if (javaAccepts && !SerialNumber.keyOf(r).equals(rs.getString(3))) {
                            disagreements.add(describe(r) + " folds to " + describe(SerialNumber.keyOf(r)) + " in Java, "
                                    + describe(rs.getString(3)) + " in the database");
                        }
                    }
                }
                assertThat(i).isEqualTo(raw.size());
                assertThat(disagreements).as("%d values tried", raw.size()).isEmpty();
            }
        }
    }

    /**
     * What migration V10 did to serials stored before it: the canonical form it gave them, and the
     * keys by which it found serials that had become one (and stopped, naming them).
     */
    @Test
    void theMigrationCanonicalisesOldSerialsAndSeesWhichBecomeOne() throws SQLException {
        try (Connection db = Db.connect(); PreparedStatement ps = db.prepareStatement("select serial_canonical(?), "
                + "serial_fold(serial_canonical(?)) = serial_fold(serial_canonical(?))")) {
            String[][] cases = {
                    {"\u00a0SN-1\u200b ", "SN-1", "sn-1"},
                    {"CAFE\u0301", "CAF\u00c9", "caf\u00e9"},
                    {"SN\u00a01", "SN 1", "sn 1"},
                    {"\ufeffSTRA\u00dfE", "STRA\u00dfE", "strasse"}};
            for (String[] c : cases) {
                ps.setString(1, c[0]);
                ps.setString(2, c[0]);
                ps.setString(3, c[2]);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(describe(c[0])).isEqualTo(c[1]).isEqualTo(SerialNumber.canonical(
                            c[0].replace("\u200b", "").replace("\ufeff", "")));
                    assertThat(rs.getBoolean(2)).as(describe(c[0]) + " and " + c[2] + " collide").isTrue();
                }
            }
        }
    }

    private static String describe(String s) {
        return s.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).toList().toString();
    }

}
