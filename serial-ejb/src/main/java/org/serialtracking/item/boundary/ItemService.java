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
import org.serialtracking.common.Quantities;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.format.control.SerialFormat;
import org.serialtracking.item.entity.Item;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.platform.control.DatabaseRefusal;
import org.serialtracking.settings.entity.PlatformSettings;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.boundary.DocumentCommand;
import org.serialtracking.transaction.boundary.LineCommand;
import org.serialtracking.transaction.boundary.PostingService;

import java.math.BigDecimal;
import java.util.ArrayList;
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

    @PersistenceContext(unitName = "serial")
    EntityManager em;

    @EJB
    PostingService posting;

    @EJB
    AuditLog audit;

    @Resource
    SessionContext context;

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
            posting.post(new DocumentCommand(DocumentType.ADJUSTMENT, "Initial stock",
                    List.of(new LineCommand(sku, initial.location(), null, initial.quantity(), null,
                            initial.serials()))), true);
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
        try {
            em.createNativeQuery("set constraints item_tracking_matches_stock, stock_matches_serials immediate")
                    .executeUpdate();
        } catch (RuntimeException e) {
            throw DatabaseRefusal.ledgerRule(e).<RuntimeException>map(v -> v).orElse(e);
        }
    }

    private static String describe(Item item) {
        return "name '" + item.getName() + "', trackSerials " + item.isTrackSerials() + " (" + item.getSerialState()
                + "), autoSerialNumber " + item.isAutoSerialNumber()
                + (item.getAutoSerialFormat() == null ? "" : " '" + item.getAutoSerialFormat() + "'");
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
        List<?> rows = em.createNativeQuery("select s.quantity from stock s join location l on l.id = s.location_id "
                        + "where s.item_id = ? and l.code = ? and not s.serials_initialized for update of s")
                .setParameter(1, item.getId()).setParameter(2, location).getResultList();
        if (rows.isEmpty()) {
            throw RuleViolation.invalid("Item " + item.getSku() + " has no stock waiting for serials at " + location);
        }
        BigDecimal onHand = (BigDecimal) rows.get(0);
        posting.post(new DocumentCommand(DocumentType.SERIAL_INIT, "Serial initialization",
                List.of(new LineCommand(item.getSku(), location, null, onHand, null,
                        command.serials() == null ? List.of() : command.serials()))), true);
        em.createNativeQuery("update stock set serials_initialized = true where item_id = ? and location_id = "
                + "(select id from location where code = ?)").setParameter(1, item.getId())
                .setParameter(2, location).executeUpdate();
        Number waiting = (Number) em.createNativeQuery("select count(*) from stock where item_id = ? "
                + "and not serials_initialized").setParameter(1, item.getId()).getSingleResult();
        if (waiting.longValue() == 0) {
            item.markInitialized();
        }
        audit.record(AuditLog.Action.SERIALS_INITIALIZED, item.getSku(), onHand.toPlainString()
                + " serial(s) loaded at " + location + (waiting.longValue() == 0 ? "; item TRACKED" : ""));
        em.flush();
        return view(item);
    }

    public Page<ItemView> search(String q, Integer limit, String after) {
        int size = Cursor.limit(limit);
        String from = Cursor.decode(after);
        String pattern = q == null || q.isBlank() ? "%" : "%" + Text.likeEscape(q.strip().toLowerCase()) + "%";
        List<Item> found = em.createQuery("select i from Item i where (lower(i.sku) like :p or lower(i.name) like :p)"
                        + " and i.sku > :after order by i.sku", Item.class)
                .setParameter("p", pattern).setParameter("after", from == null ? "" : from)
                .setMaxResults(size + 1).getResultList();
        List<ItemView> items = new ArrayList<>();
        for (int i = 0; i < Math.min(size, found.size()); i++) {
            items.add(view(found.get(i)));
        }
        String next = found.size() > size ? Cursor.encode(found.get(size - 1).getSku()) : null;
        return new Page<>(items, next);
    }

    private void startTracking(Item item) {
        requirePlatformTracking(item.getSku());
        Number fractional = (Number) em.createNativeQuery("select count(*) from stock where item_id = ? "
                + "and quantity <> trunc(quantity)").setParameter(1, item.getId()).getSingleResult();
        if (fractional.longValue() > 0) {
            throw new RuleViolation(ErrorCode.NON_INTEGER_QUANTITY, "Item " + item.getSku()
                    + " has a fractional quantity on hand; serial-tracked stock is counted in whole units");
        }
        int waiting = em.createNativeQuery("update stock set serials_initialized = false where item_id = ? "
                + "and quantity > 0").setParameter(1, item.getId()).executeUpdate();
        item.startTracking(waiting > 0);
    }

    private void stopTracking(Item item) {
        Number inStock = (Number) em.createNativeQuery("select count(*) from serial where item_id = ? "
                + "and status = 'IN_STOCK'").setParameter(1, item.getId()).getSingleResult();
        if (inStock.longValue() > 0) {
            throw RuleViolation.invalid("Item " + item.getSku() + " has " + inStock + " serial(s) in stock: "
                    + "its tracking can be turned off only when none is in stock");
        }
        em.createNativeQuery("update stock set serials_initialized = true where item_id = ?")
                .setParameter(1, item.getId()).executeUpdate();
        item.stopTracking();
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select l.code, s.quantity, s.serials_initialized from stock s "
                        + "join location l on l.id = s.location_id where s.item_id = ? "
                        + "and (s.quantity <> 0 or not s.serials_initialized) order by l.code")
                .setParameter(1, item.getId()).getResultList();
        List<OnHand> onHand = rows.stream().map(r -> new OnHand((String) r[0],
                Quantities.plain((BigDecimal) r[1]), (Boolean) r[2])).toList();
        return new ItemView(item.getSku(), item.getName(), item.isTrackSerials(), item.getSerialState(),
                item.isAutoSerialNumber(), item.getAutoSerialFormat(), onHand, item.getVersion());
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
