package org.serialtracking.settings.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.platform.screen.CurrentUser;
import org.serialtracking.platform.screen.ScreenMessages;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.settings.boundary.SettingsView;

import java.io.Serializable;

/**
 * The tracking switches save as soon as they change. Turning tracking off first asks for the
 * confirmation word in a dialog; until it is given, tracking stays on.
 */
@Named
@ViewScoped
public class TrackingSettingsScreen implements Serializable {

    @Inject
    SettingsService settings;

    @Inject
    CurrentUser user;

    private SettingsView saved;
    private boolean serialTracking;
    private boolean autoSerialNumber;
    private String confirmation;
    private boolean justSaved;

    @PostConstruct
    void load() {
        show(settings.get());
    }

    public String getConfirmationWord() {
        return SettingsService.CONFIRMATION_WORD;
    }

    /** The tracking switch moved: on saves at once, off asks first. */
    public void trackingChanged() {
        justSaved = false;
        if (serialTracking) {
            save(new SettingsView(true, autoSerialNumber, saved.version()), null, "tracking:serialTracking");
        } else {
            serialTracking = true; // stays on until the user confirms in the dialog
            confirmation = null;
            PrimeFaces.current().executeScript("PF('disableTracking').show()");
        }
    }

    public void autoChanged() {
        justSaved = false;
        save(new SettingsView(serialTracking, autoSerialNumber, saved.version()), null, "tracking:autoSerial");
    }

    /** The dialog's confirm button: tracking goes off and all serial data is deleted. */
    public void confirmDisable() {
        justSaved = false;
        if (!SettingsService.CONFIRMATION_WORD.equals(confirmation == null ? null : confirmation.trim())) {
            ScreenMessages.error("disable:word", "Type " + SettingsService.CONFIRMATION_WORD
                    + " exactly to confirm; nothing was deleted.");
            return;
        }
        if (save(new SettingsView(false, false, saved.version()), confirmation.trim(), "disable:word")) {
            PrimeFaces.current().executeScript("PF('disableTracking').hide()");
        }
    }

    private boolean save(SettingsView wanted, String confirmationWord, String field) {
        user.requireAdmin();
        try {
            show(settings.update(wanted, confirmationWord));
            justSaved = true;
            return true;
        } catch (RuleViolation refused) {
            if (refused.code() == ErrorCode.CONFLICT) {
                show(settings.get());
                ScreenMessages.error(field, "Someone else changed the settings meanwhile; "
                        + "they are shown as saved now. Make your change again.");
            } else {
                show(saved);
                ScreenMessages.refused(field, refused);
            }
            return false;
        }
    }

    private void show(SettingsView view) {
        saved = view;
        serialTracking = view.serialTracking();
        autoSerialNumber = view.autoSerialNumber();
    }

    public boolean isSerialTracking() {
        return serialTracking;
    }

    public void setSerialTracking(boolean serialTracking) {
        this.serialTracking = serialTracking;
    }

    public boolean isAutoSerialNumber() {
        return autoSerialNumber;
    }

    public void setAutoSerialNumber(boolean autoSerialNumber) {
        this.autoSerialNumber = autoSerialNumber;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public boolean isJustSaved() {
        return justSaved;
    }
}
