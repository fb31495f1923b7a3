package org.serialtracking.it.ejb;

import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.settings.boundary.SettingsView;

import java.util.UUID;

/** Test data that never collides with other tests: every test makes its own. */
public final class TestData {

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static void enableTracking(SettingsService settings) {
        SettingsView now = settings.get();
        if (!now.serialTracking()) {
            settings.update(new SettingsView(true, now.autoSerialNumber(), now.version()), null);
        }
    }
}
