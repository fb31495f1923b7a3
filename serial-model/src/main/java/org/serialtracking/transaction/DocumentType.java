package org.serialtracking.transaction;

/**
 * The kinds of inventory document. SERIAL_INIT is internal: it loads serials for stock that existed
 * before an item started tracking serials (numbered INI-…, history ADJUST, on-hand unchanged).
 */
public enum DocumentType {
    RECEIPT("Item Receipt"), SHIPMENT("Shipment"), TRANSFER("Transfer"), RELOCATION("Relocation"),
    ADJUSTMENT("Adjustment"), BUILD("Build"), WORK_ORDER("Work Order completion"), RESTOCK("Restock"),
    REPAIR("Repair"), SERIAL_INIT("Serial initialisation");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    /** What the screens show (the API keeps the code). */
    public String label() {
        return label;
    }
}
