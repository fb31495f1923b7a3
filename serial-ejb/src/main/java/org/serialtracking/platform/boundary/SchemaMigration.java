package org.serialtracking.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.serialtracking.platform.control.DatabaseRoles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date before the application serves anything, as the schema's
 * owner: the migrations run over their own data source ({@code jdbc/serialOwner}) as the owner
 * role, which owns every table, trigger and function; the application's data source
 * ({@code jdbc/serial}) uses a role that may only read and write rows (migration V11).
 * <p>
 * Flyway runs its own transactions (bean-managed here) and takes a database lock, so several
 * servers starting at once migrate exactly once.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/serialOwner")
    DataSource owner;

    @Resource(lookup = "serial/dbSchema")
    String schema;

    @Resource(lookup = "serial/dbOwnerRole")
    String ownerRole;

    @Resource(lookup = "serial/dbAppRole")
    String appRole;

    @PostConstruct
    void migrate() {
        prepareRoles();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(owner)
                .schemas(schema)
                .createSchemas(false)
                // every object the migrations create belongs to the owner role, whoever logs in
                .initSql("set role " + DatabaseRoles.quoted(ownerRole))
                .placeholders(Map.of("appRole", DatabaseRoles.quoted(appRole)))
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
                + " migrations applied now), owned by " + ownerRole + ", used by " + appRole);
    }

    /** The two roles and the schema, where the owner's login may make them (see {@link DatabaseRoles}). */
    private void prepareRoles() {
        try (Connection c = owner.getConnection()) {
            new DatabaseRoles(c, schema, ownerRole, appRole).prepare();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the database roles " + ownerRole + " and " + appRole
                    + " for schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
