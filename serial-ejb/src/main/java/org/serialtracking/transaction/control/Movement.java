package org.serialtracking.transaction.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one document line does to stock and to its serials: the table of the core issue in code.
 * Every line of every document maps to exactly one movement, and the movement knows what it
 * requires of a serial ({@link #refusal}), where it leaves it ({@link #after}), which history it
 * writes ({@link #historyRows}) and what it does to stock ({@link #addStockChanges}); posting and
 * cancelling ask it and never decide by themselves.
 */
public enum Movement {
    RECEIVE(Mode.ADD, Accepts.NEW, HistoryType.RECEIVE, null),
    SHIP(Mode.REMOVE, null, HistoryType.SHIP, SerialStatus.SHIPPED),
    TRANSFER(Mode.MOVE, null, HistoryType.MOVEOUT, null),
    RELOCATE(Mode.MOVE, null, HistoryType.MOVEOUT, null),
    /** An increase may bring back a REMOVED serial of the same item (found stock). */
    ADJUST_IN(Mode.ADD, Accepts.NEW_OR_REMOVED, HistoryType.ADJUST, null),
    ADJUST_OUT(Mode.REMOVE, null, HistoryType.ADJUST, SerialStatus.REMOVED),
    BUILD_OUTPUT(Mode.ADD, Accepts.NEW, HistoryType.BUILD, null),
    BUILD_CONSUME(Mode.REMOVE, null, HistoryType.CONSUME, SerialStatus.CONSUMED),
    WORK_ORDER_OUTPUT(Mode.ADD, Accepts.NEW, HistoryType.WORKBUILD, null),
    WORK_ORDER_CONSUME(Mode.REMOVE, null, HistoryType.WORKCONSUME, SerialStatus.CONSUMED),
    /** A customer return takes back only SHIPPED serials of the same item. */
    RETURN(Mode.ADD, Accepts.SHIPPED_ONLY, HistoryType.RETURN, null),
    /** Serials for stock that is already on hand: history, but no change of quantity. */
    INITIALIZE(Mode.ADD, Accepts.NEW, HistoryType.ADJUST, null),
    /** A repair puts a component from stock into a unit. */
    INSTALL(Mode.REMOVE, null, HistoryType.INSTALL, SerialStatus.CONSUMED),
    /** A repair takes a component (CONSUMED, of the same item) out of a unit, back into stock. */
    UNINSTALL(Mode.ADD, Accepts.CONSUMED_ONLY, HistoryType.UNINSTALL, null);

    /** How the line changes where its serials are. */
    public enum Mode {
        /** serials arrive at the line's location (stock +) */
        ADD,
        /** serials leave stock at the line's location (stock −) */
        REMOVE,
        /** serials go from the location to toLocation */
        MOVE
    }

    /** Which serials an ADD line may take. */
    public enum Accepts {
        /** only serials the system has never seen */
        NEW,
        /** new serials, or REMOVED serials of the same item */
        NEW_OR_REMOVED,
        /** only SHIPPED serials of the same item */
        SHIPPED_ONLY,
        /** only CONSUMED serials of the same item (inside a unit) */
        CONSUMED_ONLY
    }

    private final Mode mode;
    private final Accepts accepts;
    private final HistoryType history;
    private final SerialStatus statusAfterRemoval;

    Movement(Mode mode, Accepts accepts, HistoryType history, SerialStatus statusAfterRemoval) {
        this.mode = mode;
        this.accepts = accepts;
        this.history = history;
        this.statusAfterRemoval = statusAfterRemoval;
    }

    public Mode mode() {
        return mode;
    }

    public Accepts accepts() {
        return accepts;
    }

    /** The history type written at the line's location (for a move: MOVEOUT; MOVEIN at toLocation). */
    public HistoryType history() {
        return history;
    }

    /** The status a removed serial takes. */
    public SerialStatus statusAfterRemoval() {
        return statusAfterRemoval;
    }

    /** Whether the line changes on-hand quantities (initialisation does not). */
    public boolean changesStock() {
        return this != INITIALIZE;
    }

    /** Whether the line takes serials from stock at its location (the screens then pick on-hand ones). */
    public boolean takesFromStock() {
        return mode != Mode.ADD;
    }

    /**
     * Whether the line's serials may be generated (auto serial numbers): every line that brings new
     * serials in; a return takes back known ones and never generates.
     */
    public boolean generatesSerials() {
        return mode == Mode.ADD && (accepts == Accepts.NEW || accepts == Accepts.NEW_OR_REMOVED);
    }

    /**
     * A serial the system has, as one line sees it.
     *
     * @param status     its status now
     * @param sameItem   whether it is a serial of the line's item
     * @param atLocation whether it is in stock at the line's location
     * @param otherCustomer whether it was shipped to another customer than the one the document names
     */
    public record Found(SerialStatus status, boolean sameItem, boolean atLocation, boolean otherCustomer) {

        public Found(SerialStatus status, boolean sameItem, boolean atLocation) {
            this(status, sameItem, atLocation, false);
        }
    }

    /**
     * Rules 4 and 5 for one serial, the only place they are decided: why this movement refuses the
     * serial, or empty when the line may take it. An added serial must be new (a found write-off may
     * come back by an increase of the same item; a return takes back only a shipped serial of the
     * same item, and only from the customer it was shipped to, when the return and the shipment
     * both name one); a removed or moved serial must be in stock, of the item, at the line's location.
     *
     * @param found the serial as the system has it, or {@code null} when the system has never seen it
     */
    public Optional<ErrorCode> refusal(Found found) {
        boolean refused = switch (mode) {
            case ADD -> switch (accepts) {
                case NEW -> found != null;
                case NEW_OR_REMOVED -> found != null && !(found.sameItem() && found.status() == SerialStatus.REMOVED);
                case SHIPPED_ONLY -> found == null || !found.sameItem() || found.status() != SerialStatus.SHIPPED;
                case CONSUMED_ONLY -> found == null || !found.sameItem() || found.status() != SerialStatus.CONSUMED;
            };
            case REMOVE, MOVE -> found == null || !found.sameItem() || found.status() != SerialStatus.IN_STOCK
                    || !found.atLocation();
        };
        if (!refused) {
            return mode == Mode.ADD && accepts == Accepts.SHIPPED_ONLY && found.otherCustomer()
                    ? Optional.of(ErrorCode.RETURNED_BY_OTHER_CUSTOMER) : Optional.empty();
        }
        if (mode != Mode.ADD) {
            return Optional.of(ErrorCode.SERIAL_NOT_AVAILABLE);
        }
        return Optional.of(switch (accepts) {
            case SHIPPED_ONLY -> ErrorCode.SERIAL_NOT_RETURNABLE;
            case CONSUMED_ONLY -> ErrorCode.SERIAL_NOT_INSTALLED;
            case NEW, NEW_OR_REMOVED -> ErrorCode.DUPLICATE_SERIAL;
        });
    }

    /** Where the line leaves its serials: in stock at the location or the destination, or out of stock. */
    public SerialPlace after(long location, Long toLocation) {
        return switch (mode) {
            case ADD -> new SerialPlace(SerialStatus.IN_STOCK, location);
            case REMOVE -> new SerialPlace(statusAfterRemoval, null);
            case MOVE -> new SerialPlace(SerialStatus.IN_STOCK, toLocation);
        };
    }

    /**
     * Where a serial the line took was before it (what cancelling gives back). A serial the line
     * brought into the system was nowhere: cancelling deletes it instead.
     */
    public SerialPlace before(long location) {
        if (mode != Mode.ADD) {
            return new SerialPlace(SerialStatus.IN_STOCK, location);
        }
        return new SerialPlace(switch (accepts) {
            case SHIPPED_ONLY -> SerialStatus.SHIPPED;
            case CONSUMED_ONLY -> SerialStatus.CONSUMED;
            case NEW, NEW_OR_REMOVED -> SerialStatus.REMOVED;
        }, null);
    }

    /** Whether taking a known serial restarts its time in stock (its received date). */
    public boolean receives() {
        return mode == Mode.ADD;
    }

    /**
     * The history rows each serial of the line gets; a cancellation writes the same rows reversed,
     * in the opposite order.
     */
    public HistoryRow[] historyRows(long location, Long toLocation, boolean reversal) {
        HistoryRow[] rows = switch (mode) {
            case ADD -> new HistoryRow[] {new HistoryRow(history, 1, location)};
            case REMOVE -> new HistoryRow[] {new HistoryRow(history, -1, location)};
            case MOVE -> new HistoryRow[] {new HistoryRow(HistoryType.MOVEOUT, -1, location),
                    new HistoryRow(HistoryType.MOVEIN, 1, toLocation)};
        };
        if (!reversal) {
            return rows;
        }
        HistoryRow[] reversed = new HistoryRow[rows.length];
        for (int i = 0; i < rows.length; i++) {
            reversed[rows.length - 1 - i] = rows[i].reversed();
        }
        return reversed;
    }

    /** Rule 6: the stock change at the line's location (a move's arrival is at its destination). */
    public BigDecimal deltaAt(BigDecimal quantity) {
        if (!changesStock()) {
            return BigDecimal.ZERO;
        }
        BigDecimal q = quantity.abs();
        return mode == Mode.ADD ? q : q.negate();
    }

    /**
     * Adds the line's stock changes (or, for a cancellation, their reversal) to the document's; a
     * line that changes no quantity (serial initialization) still names its stock row, whose count
     * of serials in stock its serials change.
     */
    public void addStockChanges(StockChanges changes, ItemFacts item, LocationFacts location, LocationFacts toLocation,
                                BigDecimal quantity, boolean reversal) {
        BigDecimal delta = reversal ? deltaAt(quantity).negate() : deltaAt(quantity);
        changes.add(item, location, delta);
        if (mode == Mode.MOVE) {
            changes.add(item, toLocation, delta.negate());
        }
    }

    /**
     * The movement of a line. Assumes the line's shape was checked (quantity sign, role present
     * exactly on BUILD/WORK_ORDER/REPAIR lines): see {@link DocumentRules}.
     */
    public static Movement of(DocumentType type, LineRole role, BigDecimal quantity) {
        return switch (type) {
            case RECEIPT -> RECEIVE;
            case SHIPMENT -> SHIP;
            case TRANSFER -> TRANSFER;
            case RELOCATION -> RELOCATE;
            case ADJUSTMENT -> quantity.signum() > 0 ? ADJUST_IN : ADJUST_OUT;
            case BUILD -> role == LineRole.OUTPUT ? BUILD_OUTPUT : BUILD_CONSUME;
            case WORK_ORDER -> role == LineRole.OUTPUT ? WORK_ORDER_OUTPUT : WORK_ORDER_CONSUME;
            case RESTOCK -> RETURN;
            case REPAIR -> role == LineRole.INSTALL ? INSTALL : UNINSTALL;
            case SERIAL_INIT -> INITIALIZE;
        };
    }
}
