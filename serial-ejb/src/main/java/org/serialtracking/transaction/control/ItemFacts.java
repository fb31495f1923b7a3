package org.serialtracking.transaction.control;

import org.serialtracking.gs1.Gtin;
import org.serialtracking.item.entity.SerialState;

/**
 * What the rules need to know of an item, read (and share-locked) at posting time.
 * {@code autoSerialFormat} is set only while the item's auto serial numbers are on; {@code gtin} is null
 * when the item has none.
 */
public record ItemFacts(long id, String sku, boolean trackSerials, SerialState state, String autoSerialFormat,
                        Gtin gtin) {

    public ItemFacts(long id, String sku, boolean trackSerials, SerialState state) {
        this(id, sku, trackSerials, state, null, null);
    }
}
