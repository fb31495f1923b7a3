package org.serialtracking.item.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

@Entity
@NamedQuery(name = Item.BY_SKU, query = "select i from Item i where i.sku = :sku")
public class Item {
    public static final String BY_SKU = "Item.bySku";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
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
    @Version
    private long version;
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

    public Long getId() {
        return id;
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

    public long getVersion() {
        return version;
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

    public void setAutoSerial(boolean on, String format) {
        this.autoSerialNumber = on;
        this.autoSerialFormat = format;
        touch();
    }

    private void touch() {
        this.updatedAt = OffsetDateTime.now();
    }
}
