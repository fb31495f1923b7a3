package org.serialtracking.epcis.control;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One EPCIS 2.0 event as the feed writes it (fields that do not apply are null or empty).
 *
 * @param declaredAt when set, the event is re-issued with an error declaration of that time
 */
public record EpcisEvent(int seq, EventMapping mapping, String eventId, OffsetDateTime eventTime,
                         OffsetDateTime recordTime, List<String> epcs, List<String> inputs, List<String> outputs,
                         List<Quantity> inputQuantities, List<Quantity> outputQuantities, String parentId,
                         String transformationId, String readPoint, String bizLocation,
                         List<BizTransaction> transactions, List<Place> sources, List<Place> destinations,
                         OffsetDateTime declaredAt) {

    /** A class-level quantity (an untracked item). */
    public record Quantity(String epcClass, BigDecimal quantity) {
    }

    /** A business transaction; {@code type} null when no CBV type fits. */
    public record BizTransaction(String type, String id) {
    }

    /** A source or destination of a CBV type ({@code owning_party}, {@code location}). */
    public record Place(String type, String id) {
    }
}
