package org.serialtracking.transaction;

/**
 * A line's role on a BUILD or WORK_ORDER (the finished good made, or a component used up) or on a
 * REPAIR (a component put into a unit from stock, or taken out of one back into stock).
 */
public enum LineRole {
    OUTPUT("Finished good"), COMPONENT("Component"), INSTALL("Put in"), UNINSTALL("Taken out");

    private final String label;

    LineRole(String label) {
        this.label = label;
    }

    /** What the screens show (the API keeps the code). */
    public String label() {
        return label;
    }

    /** The roles of a document of this type, the first the role of its first line. */
    public static java.util.List<LineRole> of(DocumentType type) {
        return switch (type) {
            case BUILD, WORK_ORDER -> java.util.List.of(OUTPUT, COMPONENT);
            case REPAIR -> java.util.List.of(UNINSTALL, INSTALL);
            default -> java.util.List.of();
        };
    }

    /** Whether this role belongs on a document of this type. */
    public boolean fits(DocumentType type) {
        return switch (this) {
            case OUTPUT, COMPONENT -> type == DocumentType.BUILD || type == DocumentType.WORK_ORDER;
            case INSTALL, UNINSTALL -> type == DocumentType.REPAIR;
        };
    }
}
