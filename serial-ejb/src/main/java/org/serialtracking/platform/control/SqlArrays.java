package org.serialtracking.platform.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * JDBC arrays for the set-wise statements ({@code unnest(?)}, {@code = any(?)}): one parameter
 * carries all the values of a line or a document, whatever their number.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }

    public static Array longs(Connection c, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return c.createArrayOf("int8", boxed);
    }
}
