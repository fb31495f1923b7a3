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
import org.serialtracking.item.entity.Item;
import org.serialtracking.platform.control.DatabaseRefusal;
import org.serialtracking.serial.control.SerialDataRepository;
import org.serialtracking.settings.entity.PlatformSettings;
import org.serialtracking.stock.control.StockRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

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

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

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
        try (Connection c = dataSource.getConnection()) {
            SerialDataRepository serials = new SerialDataRepository(c);
            SerialDataRepository.Counts counts = serials.counts();
            audit.record(AuditLog.Action.SERIAL_DATA_DELETED, "settings", counts.serials() + " serial(s) and "
                    + counts.historyRows() + " history row(s) deleted with their item tracking settings and counters");
            serials.eraseAll();
            em.createNamedQuery(Item.TRACKING, Item.class).getResultList().forEach(Item::stopTracking);
            em.flush();
            new StockRepository(c).markEverythingInitialized();
        } catch (SQLException e) {
            throw DatabaseRefusal.translate(e);
        }
    }

    private static SettingsView view(PlatformSettings s) {
        return new SettingsView(s.isSerialTracking(), s.isAutoSerialNumber(), s.getVersion());
    }
}
