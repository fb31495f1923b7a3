package org.serialtracking.settings.boundary;

/**
 * The platform settings as the API and the screens show them. {@code version} comes back on a
 * change so that a stale edit is refused instead of silently overwriting a newer one.
 */
public record SettingsView(boolean serialTracking, boolean autoSerialNumber, Long version) implements java.io.Serializable {
}
