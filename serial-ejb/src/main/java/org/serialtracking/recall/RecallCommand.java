package org.serialtracking.recall;

import java.util.List;

/**
 * A new recall: why, and its suspects. Each criterion adds suspects; at least one is required.
 *
 * @param serials    suspect serials, named one by one
 * @param components a component item consumed by builds in a date range (optionally at one location):
 *                   its serials if the builds consumed it by serial, else the units those builds made
 * @param suppliers  the serials received from these suppliers
 * @param receipts   the serials received on these receipts
 */
public record RecallCommand(String reason, List<String> serials, List<Component> components, List<String> suppliers,
                            List<String> receipts) {

    /**
     * A component item consumed from {@code from} to {@code to}, both days included (ISO dates, UTC).
     *
     * @param location only what was consumed at this location (optional)
     */
    public record Component(String sku, String from, String to, String location) implements java.io.Serializable {
    }
}
