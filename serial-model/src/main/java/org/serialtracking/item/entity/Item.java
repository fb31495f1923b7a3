package org.serialtracking.item.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import org.serialtracking.common.IdentifiedEntity;

import java.time.OffsetDateTime;

@Entity
@NamedQuery(name = Item.BY_SKU, query = "select i from Item i where i.sku = :sku")
@NamedQuery(name = Item.BY_GTIN, query = "select i from Item i where i.gtin = :gtin")
@NamedQuery(name = Item.TRACKING, query = "select i from Item i where i.trackSerials = true "
        + "or i.autoSerialFormat is not null order by i.id")
@NamedQuery(name = Item.SEARCH, query = "select i from Item i where (lower(i.sku) like :p or lower(i.name) like :p) "
        + "and i.sku > :after order by i.sku")
public class Item extends IdentifiedEntity {
    public static final String BY_SKU = "Item.bySku";
    public static final String BY_GTIN = "Item.byGtin";
    /** Items with anything of serial tracking set (what turning tracking off for the platform clears). */
    public static final String TRACKING = "Item.tracking";
    /** Items whose SKU or name contains :p (lower case, a LIKE pattern), after the SKU :after, by SKU. */
    public static final String SEARCH = "Item.search";

    private String sku;
    private String name;
    @Column(name = "track_serials")
    private boolean trackSerials;
    @Enumerated(EnumType.STRING)
    @Column(name = "serial_state")
    private SerialState serialState = SerialState.UNTRACKED;
    @Column(name = "auto_serial_number")
    private boolean autoSerialNumber;
    @Column(name = "auto_serial_format")
    private String autoSerialFormat;
    /** the item's GTIN as 14 digits (V18, unique); null: the item has none and its serials are plain */
    @Column(name = "gtin")
    private String gtin;

    /** days of warranty from a unit's first shipment; null: the item gives none */
    @Column(name = "warranty_days")
    private Integer warrantyDays;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Item() {
    }

    public Item(String sku, String name) {
        this.sku = sku;
        this.name = name;
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public boolean isTrackSerials() {
        return trackSerials;
    }

    public SerialState getSerialState() {
        return serialState;
    }

    public boolean isAutoSerialNumber() {
        return autoSerialNumber;
    }

    public String getAutoSerialFormat() {
        return autoSerialFormat;
    }

    public void rename(String name) {
        this.name = name;
        touch();
    }

    /** Starts tracking; NOT_INITIALIZED when stock already exists that has no serials yet. */
    public void startTracking(boolean hasStock) {
        this.trackSerials = true;
        this.serialState = hasStock ? SerialState.NOT_INITIALIZED : SerialState.TRACKED;
        touch();
    }

    public void stopTracking() {
        this.trackSerials = false;
        this.serialState = SerialState.UNTRACKED;
        this.autoSerialNumber = false;
        this.autoSerialFormat = null;
        touch();
    }

    public void markInitialized() {
        this.serialState = SerialState.TRACKED;
        touch();
    }

    public String getGtin() {
        return gtin;
    }

    public void setGtin(String gtin) {
        this.gtin = gtin;
    }

    public Integer getWarrantyDays() {
        return warrantyDays;
    }

    public void setWarrantyDays(Integer days) {
        this.warrantyDays = days;
        touch();
    }

    public void setAutoSerial(boolean on, String format) {
        this.autoSerialNumber = on;
        this.autoSerialFormat = format;
        touch();
    }

    private void touch() {
        this.updatedAt = OffsetDateTime.now();
    }
}
