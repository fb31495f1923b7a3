package org.serialtracking.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date before the application serves anything.
 * Flyway runs its own transactions (bean-managed here) and takes a database lock, so several
 * servers starting at once migrate exactly once.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Resource(lookup = "serial/dbSchema")
    String schema;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                // on Liberty, Flyway finds the folder through the empty marker file db/migration/flyway.location
                // (and finds the default callback folder db/callback, empty, through the same marker)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.targetSchemaVersion == null && result.initialSchemaVersion == null) {
            throw new IllegalStateException("No schema migration found: the application cannot start on an empty schema");
        }
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema " + schema + " at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
