package org.serialtracking.it.ejb;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.settings.boundary.SettingsView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ArquillianExtension.class)
class SettingsServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.services("settings-it");
    }

    @Inject
    SettingsService settings;

    @BeforeEach
    void trackingOn() {
        TestData.enableTracking(settings);
    }

    @Test
    void turningTrackingOffWithoutConfirmationIsRefusedAndChangesNothing() {
        SettingsView before = settings.get();
        RuleViolation v = assertThrows(RuleViolation.class,
                () -> settings.update(new SettingsView(false, false, before.version()), null));
        assertEquals(ErrorCode.CONFIRMATION_REQUIRED, v.code());
        assertEquals(before, settings.get());
    }

    @Test
    void autoSerialNumbersNeedTracking() {
        SettingsView before = settings.get();
        RuleViolation v = assertThrows(RuleViolation.class,
                () -> settings.update(new SettingsView(false, true, before.version()),
                        SettingsService.CONFIRMATION_WORD));
        assertEquals(ErrorCode.SERIAL_TRACKING_DISABLED, v.code());
        assertTrue(settings.get().serialTracking(), "a refused change leaves tracking on");
    }

    @Test
    void aStaleVersionIsAConflict() {
        SettingsView before = settings.get();
        settings.update(new SettingsView(true, !before.autoSerialNumber(), before.version()), null);
        RuleViolation v = assertThrows(RuleViolation.class,
                () -> settings.update(new SettingsView(true, before.autoSerialNumber(), before.version()), null));
        assertEquals(ErrorCode.CONFLICT, v.code());
    }
}
