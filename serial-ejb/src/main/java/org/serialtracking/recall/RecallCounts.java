package org.serialtracking.recall;

import java.util.List;
import java.util.Map;

/**
 * How many units a recall reaches, by state and by customer.
 *
 * @param byCustomer the customers with most units first, at most {@link #MAX_CUSTOMERS}
 * @param customers  how many customers have (or sent back) units, all counted
 */
public record RecallCounts(long units, Map<UnitState, Long> byStatus, List<CustomerCount> byCustomer, int customers) implements java.io.Serializable {

    public static final int MAX_CUSTOMERS = 100;

    public record CustomerCount(String customer, String name, long units) implements java.io.Serializable {
    }
}
