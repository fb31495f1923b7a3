package org.serialtracking.party;

import org.serialtracking.transaction.DocumentType;

/** The two kinds of business partner a document names. */
public enum PartyKind {
    /** a unit is shipped to a customer and returned by one (SHIPMENT, RESTOCK) */
    CUSTOMER("customer"),
    /** a unit is received from a supplier (RECEIPT) */
    SUPPLIER("supplier");

    private final String word;

    PartyKind(String word) {
        this.word = word;
    }

    /** The word used in the API and on screen: "customer", "supplier". */
    public String word() {
        return word;
    }

    /** The kind of party a document of this type may name, or null when it names none. */
    public static PartyKind of(DocumentType type) {
        return switch (type) {
            case RECEIPT -> SUPPLIER;
            case SHIPMENT, RESTOCK -> CUSTOMER;
            default -> null;
        };
    }
}
