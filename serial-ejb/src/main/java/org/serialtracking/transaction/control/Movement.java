package org.serialtracking.transaction.control;

import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;

/**
 * What one document line does to stock and to its serials: the table of the core issue in code.
 * Every line of every document maps to exactly one movement.
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
    INITIALIZE(Mode.ADD, Accepts.NEW, HistoryType.ADJUST, null);

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
        SHIPPED_ONLY
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

    /**
     * The movement of a line. Assumes the line's shape was checked (quantity sign, role present
     * exactly on BUILD/WORK_ORDER lines): see {@link DocumentRules}.
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
            case SERIAL_INIT -> INITIALIZE;
        };
    }
}
