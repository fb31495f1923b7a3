package org.serialtracking.platform.control;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A setting of server.xml that the application reads (a {@code jndiEntry} named {@code serial/...}
 * whose value is a server variable, e.g. SERIAL_TIME_ZONE).
 */
public final class ServerSetting {

    private ServerSetting() {
    }

    /** The entry's value, or "" when it is empty: Liberty may not bind an entry whose value is empty. */
    public static String text(String jndiName) {
        try {
            Object value = new InitialContext().lookup(jndiName);
            return value == null ? "" : value.toString();
        } catch (NamingException notBound) {
            return "";
        }
    }
}
