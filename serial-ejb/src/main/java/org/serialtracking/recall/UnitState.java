package org.serialtracking.recall;

/**
 * Where an affected unit stands for a recall: still ours (in stock, never shipped), at a customer,
 * back from a customer, or gone (used in a build whose output is not tracked, removed).
 */
public enum UnitState {
    IN_STOCK("In stock"), SHIPPED("At a customer"), RETURNED("Returned"), CONSUMED("Used in a build"),
    REMOVED("Removed");

    private final String label;

    UnitState(String label) {
        this.label = label;
    }

    /** What the screens show (the API keeps the code). */
    public String label() {
        return label;
    }
}
