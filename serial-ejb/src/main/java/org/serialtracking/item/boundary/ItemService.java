package org.serialtracking.item.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.gs1.Gtin;
import org.serialtracking.format.control.SerialFormat;
import org.serialtracking.item.entity.Item;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.platform.control.DatabaseRefusal;
import org.serialtracking.settings.entity.PlatformSettings;
import org.serialtracking.stock.control.StockRepository;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.LineCommand;
import org.serialtracking.transaction.boundary.PostingService;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Items and their serial tracking: rule 1 (an item tracks serials only while the platform does),
 * rule 7 (initial stock of a tracked item comes with its serials) and rule 8 (turning tracking on
 * over existing stock waits for that stock's serials).
 */
@Stateless
public class ItemService {

    static final int MAX_SKU = 100;
    static final int MAX_WARRANTY_DAYS = 36_500;

    @PersistenceContext(unitName = "serial")
    EntityManager em;

    @EJB
    PostingService posting;

    @EJB
    AuditLog audit;

    @Resource
    SessionContext context;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    public ItemView create(ItemCommand command) {
        if (command == null) {
            throw RuleViolation.invalid("an item is required");
        }
        String sku = sku(command.sku());
        if (find(sku).isPresent()) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Item '" + sku + "' already exists");
        }
        Item item = new Item(sku, Text.name(command.name(), sku));
        if (Boolean.TRUE.equals(command.trackSerials())) {
            requirePlatformTracking(sku);
            item.startTracking(false);
        }
        applyAutoSerial(item, command);
        applyWarranty(item, command.warrantyDays());
        applyGtin(item, command.gtin());
        em.persist(item);
        em.flush();
        audit.record(AuditLog.Action.ITEM_CREATED, sku, describe(item));

        InitialStock initial = command.initialStock();
        if (initial != null && initial.quantity() != null && initial.quantity().signum() != 0) {
            if (initial.quantity().signum() < 0) {
                throw RuleViolation.invalid("initialStock.quantity must not be negative");
            }
            if (initial.location() == null || initial.location().isBlank()) {
                throw RuleViolation.invalid("initialStock.location is required with an initial quantity");
            }
            posting.postInternal(DocumentCommand.of(DocumentType.ADJUSTMENT, "Initial stock",
                    List.of(LineCommand.of(sku, initial.location(), null, initial.quantity(), null,
                            initial.serials()))));
        } else if (initial != null && initial.serials() != null && !initial.serials().isEmpty()) {
            throw new RuleViolation(ErrorCode.SERIAL_COUNT_MISMATCH, "Initial stock: quantity 0 needs no serials, "
                    + initial.serials().size() + " given");
        }
        return view(item);
    }

    public ItemView get(String sku) {
        return view(require(sku));
    }

    public ItemView update(String sku, ItemCommand command) {
        if (command == null) {
            throw RuleViolation.invalid("an item is required");
        }
        Item item = em.createNamedQuery(Item.BY_SKU, Item.class).setParameter("sku", sku(sku))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("Item", sku.strip()));
        if (command.version() != null && command.version() != item.getVersion()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Item " + item.getSku() + " was changed by someone else "
                    + "(version " + item.getVersion() + ", yours " + command.version() + "); reload and try again");
        }
        if (command.sku() != null && !command.sku().strip().equals(item.getSku())) {
            throw RuleViolation.invalid("the SKU of an item cannot be changed");
        }
        if (command.initialStock() != null) {
            throw RuleViolation.invalid("initialStock is only for new items: post a RECEIPT or an ADJUSTMENT");
        }
        String before = describe(item);
        if (command.name() != null && !command.name().isBlank()) {
            item.rename(Text.name(command.name(), item.getSku()));
        }
        if (command.trackSerials() != null && command.trackSerials() != item.isTrackSerials()) {
            if (command.trackSerials()) {
                startTracking(item);
            } else {
                stopTracking(item);
            }
        }
        applyAutoSerial(item, command);
        applyWarranty(item, command.warrantyDays());
        applyGtin(item, command.gtin());
        em.flush();
        checkLedgerNow();
        String after = describe(item);
        if (!after.equals(before)) {
            audit.record(AuditLog.Action.ITEM_CHANGED, item.getSku(), before + " -> " + after);
        }
        return view(item);
    }

    /**
     * Runs the database's deferred ledger checks of a tracking change now (migration V9), so that a
     * breach is refused inside the service, naming the rule, instead of failing the commit.
     */
    private void checkLedgerNow() {
        stock(s -> {
            s.checkTrackingMatchesStock();
            return null;
        });
    }

    private static String describe(Item item) {
        return "name '" + item.getName() + "', trackSerials " + item.isTrackSerials() + " (" + item.getSerialState()
                + "), autoSerialNumber " + item.isAutoSerialNumber()
                + (item.getAutoSerialFormat() == null ? "" : " '" + item.getAutoSerialFormat() + "'")
                + (item.getWarrantyDays() == null ? "" : ", warranty " + item.getWarrantyDays() + " days")
                + (item.getGtin() == null ? "" : ", GTIN " + item.getGtin());
    }

    /**
     * Loads serials for the stock on hand at one location of a NOT_INITIALIZED item (rule 8). The
     * serials must be new and exactly as many as the on-hand quantity; history records ADJUST.
     */
    public ItemView initializeSerials(String sku, SerialInitialization command) {
        if (command == null || command.location() == null || command.location().isBlank()) {
            throw RuleViolation.invalid("location is required");
        }
        Item item = em.createNamedQuery(Item.BY_SKU, Item.class).setParameter("sku", sku(sku))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("Item", sku.strip()));
        if (item.getSerialState() != SerialState.NOT_INITIALIZED) {
            throw RuleViolation.invalid("Item " + item.getSku() + " is " + item.getSerialState()
                    + ": only an item whose tracking is not initialized takes serials for existing stock");
        }
        String location = command.location().strip();
        BigDecimal onHand = stock(s -> s.lockWaiting(item.getId(), location)).orElseThrow(() ->
                RuleViolation.invalid("Item " + item.getSku() + " has no stock waiting for serials at " + location));
        posting.postInternal(DocumentCommand.of(DocumentType.SERIAL_INIT, "Serial initialization",
                List.of(new LineCommand(item.getSku(), location, null, onHand, null,
                        command.serials() == null ? List.of() : command.serials(), null, null, null,
                        command.serialAttributes()))));
        long waiting = stock(s -> s.markInitialized(item.getId(), location));
        if (waiting == 0) {
            item.markInitialized();
        }
        audit.record(AuditLog.Action.SERIALS_INITIALIZED, item.getSku(), onHand.toPlainString()
                + " serial(s) loaded at " + location + (waiting == 0 ? "; item TRACKED" : ""));
        em.flush();
        return view(item);
    }

    public Page<ItemView> search(String q, Integer limit, String after) {
        int size = Cursor.limit(limit);
        String from = Cursor.decode(after);
        String pattern = q == null || q.isBlank() ? "%" : "%" + Text.likeEscape(q.strip().toLowerCase()) + "%";
        List<Item> found = em.createNamedQuery(Item.SEARCH, Item.class).setParameter("p", pattern)
                .setParameter("after", from == null ? "" : from).setMaxResults(size + 1).getResultList();
        Page<Item> page = Page.of(found, size, Item::getSku);
        return new Page<>(page.items().stream().map(this::view).toList(), page.next());
    }

    private void startTracking(Item item) {
        requirePlatformTracking(item.getSku());
        if (stock(s -> s.hasFractional(item.getId()))) {
            throw new RuleViolation(ErrorCode.NON_INTEGER_QUANTITY, "Item " + item.getSku()
                    + " has a fractional quantity on hand; serial-tracked stock is counted in whole units");
        }
        int waiting = stock(s -> s.markWaiting(item.getId()));
        item.startTracking(waiting > 0);
    }

    private void stopTracking(Item item) {
        long inStock = stock(s -> s.serialsInStock(item.getId()));
        if (inStock > 0) {
            throw RuleViolation.invalid("Item " + item.getSku() + " has " + inStock + " serial(s) in stock: "
                    + "its tracking can be turned off only when none is in stock");
        }
        stock(s -> {
            s.markAllInitialized(item.getId());
            return null;
        });
        item.stopTracking();
    }

    /**
     * The item's GTIN: any of GTIN-8/12/13/14 with its check digit, kept as 14 digits; one item per
     * GTIN (also {@code item_gtin_uk}); blank removes it; null leaves it.
     */
    private void applyGtin(Item item, String raw) {
        if (raw == null) {
            return;
        }
        if (raw.isBlank()) {
            item.setGtin(null);
            return;
        }
        String gtin = Gtin.of(raw).value();
        if (gtin.equals(item.getGtin())) {
            return;
        }
        em.createNamedQuery(Item.BY_GTIN, Item.class).setParameter("gtin", gtin).getResultStream().findFirst()
                .ifPresent(other -> {
                    throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "GTIN " + gtin + " is the GTIN of item "
                            + other.getSku());
                });
        item.setGtin(gtin);
    }

    /** Days of warranty from a unit's first shipment: 1 to 36500; 0 removes it; null leaves it. */
    private static void applyWarranty(Item item, Integer days) {
        if (days == null || days.equals(item.getWarrantyDays()) || (days == 0 && item.getWarrantyDays() == null)) {
            return;
        }
        if (days < 0 || days > MAX_WARRANTY_DAYS) {
            throw RuleViolation.invalid("warrantyDays must be between 1 and " + MAX_WARRANTY_DAYS
                    + " (0 removes the warranty)");
        }
        item.setWarrantyDays(days == 0 ? null : days);
    }

    private void applyAutoSerial(Item item, ItemCommand command) {
        boolean on = command.autoSerialNumber() != null ? command.autoSerialNumber() : item.isAutoSerialNumber();
        String format = command.autoSerialFormat() != null
                ? (command.autoSerialFormat().isBlank() ? null : command.autoSerialFormat().strip())
                : item.getAutoSerialFormat();
        if (on && !item.isTrackSerials()) {
            throw RuleViolation.invalid("autoSerialNumber needs trackSerials");
        }
        if (on && format == null) {
            throw RuleViolation.invalid("autoSerialFormat is required when autoSerialNumber is on");
        }
        if (format != null && !format.equals(item.getAutoSerialFormat())) {
            SerialFormat.parse(format, item.getSku());
        }
        if (on != item.isAutoSerialNumber() || !java.util.Objects.equals(format, item.getAutoSerialFormat())) {
            item.setAutoSerial(on, format);
        }
    }

    private void requirePlatformTracking(String sku) {
        PlatformSettings settings = em.find(PlatformSettings.class, PlatformSettings.SINGLETON_ID,
                LockModeType.PESSIMISTIC_READ);
        if (!settings.isSerialTracking()) {
            throw new RuleViolation(ErrorCode.SERIAL_TRACKING_DISABLED, "Serial tracking is disabled for the "
                    + "platform: item " + sku + " cannot track serials until it is enabled in the settings");
        }
    }

    private Optional<Item> find(String sku) {
        return em.createNamedQuery(Item.BY_SKU, Item.class).setParameter("sku", sku).getResultStream().findFirst();
    }

    private Item require(String sku) {
        String s = sku(sku);
        return find(s).orElseThrow(() -> RuleViolation.notFound("Item", s));
    }

    private ItemView view(Item item) {
        List<OnHand> onHand = stock(s -> s.onHandOf(item.getId())).stream()
                .map(r -> new OnHand(r.location(), r.quantity(), r.serialsInitialized())).toList();
        return new ItemView(item.getSku(), item.getName(), item.isTrackSerials(), item.getSerialState(),
                item.isAutoSerialNumber(), item.getAutoSerialFormat(), onHand, item.getVersion(), item.getWarrantyDays(),
                item.getGtin());
    }

    /** Stock work inside this transaction, on its connection: {@link StockRepository} is the table's one writer. */
    private <T> T stock(StockWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(new StockRepository(c));
        } catch (SQLException e) {
            throw DatabaseRefusal.translate(e);
        }
    }

    @FunctionalInterface
    private interface StockWork<T> {
        T on(StockRepository stock) throws SQLException;
    }

    static String sku(String raw) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid("sku is required");
        }
        String sku = Text.code("sku", raw.strip());
        if (sku.length() > MAX_SKU) {
            throw RuleViolation.invalid("sku must be at most " + MAX_SKU + " characters");
        }
        return sku;
    }
}
