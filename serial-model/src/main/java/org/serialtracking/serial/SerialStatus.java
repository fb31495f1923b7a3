package org.serialtracking.serial;

/** Where a unit is in its life. Only IN_STOCK serials have a location. */
public enum SerialStatus {
    IN_STOCK("In stock"), SHIPPED("Shipped"), CONSUMED("Used in a build"), REMOVED("Removed");

    private final String label;

    SerialStatus(String label) {
        this.label = label;
    }

    /** What the screens show (the API keeps the code). */
    public String label() {
        return label;
    }
}
