package org.serialtracking.serial;

/** What a document did to one serial; one history row per serial per move. */
public enum HistoryType {
    RECEIVE("Received"), SHIP("Shipped"), MOVEOUT("Moved out"), MOVEIN("Moved in"), ADJUST("Stock adjusted"),
    BUILD("Built"), CONSUME("Used in a build"), WORKBUILD("Built (work order)"),
    WORKCONSUME("Used in a work order"), RETURN("Returned to stock"), INSTALL("Installed in a unit"),
    UNINSTALL("Taken out of a unit");

    private final String label;

    HistoryType(String label) {
        this.label = label;
    }

    /** What the screens show (the API keeps the code). */
    public String label() {
        return label;
    }
}
