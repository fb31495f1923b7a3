package org.serialtracking.transaction;

/**
 * The kinds of inventory document. SERIAL_INIT is internal: it loads serials for stock that existed
 * before an item started tracking serials (numbered INI-…, history ADJUST, on-hand unchanged).
 */
public enum DocumentType {
    RECEIPT, SHIPMENT, TRANSFER, RELOCATION, ADJUSTMENT, BUILD, WORK_ORDER, RESTOCK, SERIAL_INIT
}
