package org.serialtracking.it.ejb;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.serialtracking.platform.boundary.TimeSource;

/**
 * The archive every service test deploys: the model and the EJB services with their rules, but not
 * the REST layer (the EAR already serves it) nor the schema migration (the EAR already ran it).
 * The archive is an application of its own: its {@link TimeSource} can be set to any moment
 * without touching the EAR's.
 */
public final class Deployments {

    private static final String[] PACKAGES = {
            "org.serialtracking.common",
            "org.serialtracking.gs1",
            "org.serialtracking.audit",
            "org.serialtracking.audit.boundary",
            "org.serialtracking.audit.control",
            "org.serialtracking.platform.control",
            "org.serialtracking.serial",
            "org.serialtracking.serial.boundary",
            "org.serialtracking.serial.control",
            "org.serialtracking.stock.control",
            "org.serialtracking.settings.entity",
            "org.serialtracking.settings.boundary",
            "org.serialtracking.site.entity",
            "org.serialtracking.site.boundary",
            "org.serialtracking.item.entity",
            "org.serialtracking.item.boundary",
            "org.serialtracking.party",
            "org.serialtracking.party.entity",
            "org.serialtracking.party.boundary",
            "org.serialtracking.trace",
            "org.serialtracking.trace.control",
            "org.serialtracking.trace.boundary",
            "org.serialtracking.transaction",
            "org.serialtracking.transaction.boundary",
            "org.serialtracking.transaction.control",
            "org.serialtracking.format.control",
            "org.serialtracking.format.boundary",
            "org.serialtracking.entry.control",
            "org.serialtracking.entry.boundary",
    };

    private Deployments() {
    }

    public static WebArchive services(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(false, PACKAGES)
                .addClasses(Deployments.class, TestData.class, World.class, TimeSource.class)
                .addAsResource("META-INF/persistence.xml", "META-INF/persistence.xml");
    }
}
