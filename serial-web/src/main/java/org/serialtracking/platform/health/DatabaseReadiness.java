package org.serialtracking.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Ready when the database answers and the schema has been migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            try (ResultSet rs = s.executeQuery("select serial_tracking from settings where id = 1")) {
                rs.next();
                return HealthCheckResponse.named("database").up().withData("serialTracking", rs.getBoolean(1)).build();
            }
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("sqlState", String.valueOf(e.getSQLState()))
                    .build();
        }
    }
}
