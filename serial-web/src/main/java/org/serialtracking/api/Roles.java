package org.serialtracking.api;

/** The three roles of the application, as declared in web.xml and bound in server.xml. */
public final class Roles {
    /** Settings, items, everything. */
    public static final String ADMIN = "serial-admin";
    /** Posts documents and reads. */
    public static final String CLERK = "serial-clerk";
    /** Reads only. */
    public static final String VIEWER = "serial-viewer";

    private Roles() {
    }
}
