package org.serialtracking.platform.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A result set read as an iterator, for exports that stream rows through a cursor. */
public final class ResultRows {

    private ResultRows() {
    }

    /** Reads one row at the result set's current position. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The result set as an iterator; a failure to read becomes an unchecked exception. */
    public static <T> Iterator<T> iterate(ResultSet rs, Reader<T> reader) {
        return new Iterator<>() {
            Boolean ahead;

            @Override
            public boolean hasNext() {
                try {
                    if (ahead == null) {
                        ahead = rs.next();
                    }
                    return ahead;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = null;
                try {
                    return reader.read(rs);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
