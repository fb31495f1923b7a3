package org.serialtracking.transaction.control;

import org.serialtracking.item.entity.SerialState;

/** What the rules need to know of an item, read (and share-locked) at posting time. */
public record ItemFacts(long id, String sku, boolean trackSerials, SerialState state) {
}
