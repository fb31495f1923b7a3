package org.serialtracking.recall;

import java.util.List;

/**
 * What a recall asked, as kept with it: the criteria of its {@link RecallCommand}, with the serials
 * named counted (the suspects themselves are the recall's rows).
 */
public record RecallCriteria(int serials, List<RecallCommand.Component> components, List<String> suppliers,
                             List<String> receipts) implements java.io.Serializable {
}
