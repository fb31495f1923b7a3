package org.serialtracking.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import org.serialtracking.platform.control.ServerSetting;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.Logger;

/**
 * The application's clock and time zone. Auto serial numbers render dates in this zone: the
 * server's, unless {@code SERIAL_TIME_ZONE} names another. Tests replace the clock to cross
 * midnight and month ends deterministically.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TimeSource {

    private static final Logger LOG = Logger.getLogger(TimeSource.class.getName());

    private volatile Clock clock = Clock.systemDefaultZone();

    @PostConstruct
    void init() {
        String zone = configuredZone();
        if (!zone.isEmpty()) {
            try {
                clock = Clock.system(ZoneId.of(zone));
            } catch (DateTimeException e) {
                LOG.warning(() -> "SERIAL_TIME_ZONE '" + zone + "' is not a time zone; using the server's ("
                        + ZoneId.systemDefault() + ")");
            }
        }
    }

    /** The configured zone, or "" (the server's): an entry with an empty value may not be bound at all. */
    private static String configuredZone() {
        return ServerSetting.text("serial/timeZone").strip();
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    /** Replaces the clock (tests). */
    public void use(Clock replacement) {
        this.clock = replacement;
    }
}
