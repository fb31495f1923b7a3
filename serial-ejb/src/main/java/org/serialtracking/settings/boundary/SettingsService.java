package org.serialtracking.settings.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.settings.entity.PlatformSettings;

/**
 * Reads and changes the platform settings. Turning serial tracking off erases every serial,
 * every history row and every item's tracking flags, so it needs an explicit confirmation word.
 */
@Stateless
public class SettingsService {

    /** The word a user must give to turn serial tracking off. */
    public static final String CONFIRMATION_WORD = "DELETE_SERIAL_DATA";

    @PersistenceContext(unitName = "serial")
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    AuditLog audit;

    public SettingsView get() {
        PlatformSettings s = em.find(PlatformSettings.class, PlatformSettings.SINGLETON_ID);
        return view(s);
    }

    public SettingsView update(SettingsView wanted, String confirmation) {
        // the write lock makes a change wait for postings in flight (they hold the row FOR SHARE)
        PlatformSettings s = em.find(PlatformSettings.class, PlatformSettings.SINGLETON_ID,
                LockModeType.PESSIMISTIC_WRITE);
        if (wanted.version() != null && wanted.version() != s.getVersion()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "The settings were changed by someone else (version "
                    + s.getVersion() + ", yours " + wanted.version() + "); reload and try again");
        }
        if (wanted.autoSerialNumber() && !wanted.serialTracking()) {
            throw new RuleViolation(ErrorCode.SERIAL_TRACKING_DISABLED,
                    "Auto serial numbers need serial tracking to be enabled");
        }
        boolean turningOff = s.isSerialTracking() && !wanted.serialTracking();
        if (turningOff) {
            if (!CONFIRMATION_WORD.equals(confirmation)) {
                throw new RuleViolation(ErrorCode.CONFIRMATION_REQUIRED,
                        "Turning serial tracking off deletes all serial numbers, their history and every item's "
                                + "tracking settings, and cannot be undone; confirm with '" + CONFIRMATION_WORD + "'");
            }
            eraseSerialData();
        }
        if (s.isSerialTracking() != wanted.serialTracking() || s.isAutoSerialNumber() != wanted.autoSerialNumber()) {
            audit.record(AuditLog.Action.SETTINGS_CHANGED, "settings", "serialTracking " + s.isSerialTracking()
                    + " -> " + wanted.serialTracking() + ", autoSerialNumber " + s.isAutoSerialNumber() + " -> "
                    + wanted.autoSerialNumber());
        }
        s.change(wanted.serialTracking(), wanted.autoSerialNumber(), context.getCallerPrincipal().getName());
        em.flush();
        return view(s);
    }

    /** Rule 9: all serial data goes, documents and stock quantities stay. */
    private void eraseSerialData() {
        Number serials = (Number) em.createNativeQuery("select count(*) from serial").getSingleResult();
        Number history = (Number) em.createNativeQuery("select count(*) from serial_history").getSingleResult();
        audit.record(AuditLog.Action.SERIAL_DATA_DELETED, "settings", serials + " serial(s) and " + history
                + " history row(s) deleted with their item tracking settings and counters");
        // TRUNCATE is the owner's: the application role may only call this function of the owner's (V11)
        em.createNativeQuery("select erase_serial_data()").getSingleResult();
        em.createNativeQuery("update item set track_serials = false, serial_state = 'UNTRACKED', "
                + "auto_serial_number = false, auto_serial_format = null, version = version + 1, updated_at = now() "
                + "where track_serials or auto_serial_format is not null").executeUpdate();
        em.createNativeQuery("update stock set serials_initialized = true where not serials_initialized")
                .executeUpdate();
    }

    private static SettingsView view(PlatformSettings s) {
        return new SettingsView(s.isSerialTracking(), s.isAutoSerialNumber(), s.getVersion());
    }
}
