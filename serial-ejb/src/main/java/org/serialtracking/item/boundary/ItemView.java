package org.serialtracking.item.boundary;

import org.serialtracking.item.entity.SerialState;

import java.util.List;

public record ItemView(String sku, String name, boolean trackSerials, SerialState serialStatus,
                       boolean autoSerialNumber, String autoSerialFormat, List<OnHand> onHand, long version,
                       Integer warrantyDays, String gtin) implements java.io.Serializable {
}
