package org.serialtracking.item.entity;

/**
 * An item's serial tracking state. NOT_INITIALIZED: tracking was turned on while the item had stock,
 * and documents on it are refused until serials are loaded for that stock.
 */
public enum SerialState {
    UNTRACKED, TRACKED, NOT_INITIALIZED
}
