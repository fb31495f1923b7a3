package org.serialtracking.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** The platform's one settings row (id 1). */
@Entity
@Table(name = "settings")
public class PlatformSettings {

    public static final short SINGLETON_ID = 1;

    @Id
    private Short id;

    @Column(name = "serial_tracking", nullable = false)
    private boolean serialTracking;

    @Column(name = "auto_serial_number", nullable = false)
    private boolean autoSerialNumber;

    @Version
    private long version;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    public boolean isSerialTracking() {
        return serialTracking;
    }

    public boolean isAutoSerialNumber() {
        return autoSerialNumber;
    }

    public long getVersion() {
        return version;
    }

    public void change(boolean serialTracking, boolean autoSerialNumber, String user) {
        this.serialTracking = serialTracking;
        this.autoSerialNumber = autoSerialNumber;
        this.updatedAt = OffsetDateTime.now();
        this.updatedBy = user;
    }
}
