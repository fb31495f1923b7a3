package org.serialtracking.transaction.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.Quantities;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.platform.control.OneRoundTrip;
import org.serialtracking.stock.control.StockRepository;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule 6 in one place: a document's net stock changes per item and location, applied in (item,
 * location) order, so that concurrent documents lock stock rows in the same order; a decrease below
 * zero refuses the whole document, naming what is on hand. {@link #lockFirst} takes the rows before
 * a posting writes its serials, whose triggers count them on those rows (V8), unless its one serial
 * statement can take them itself.
 */
public final class StockChanges {

    private record Key(long item, long location) {
    }

    private final Map<Key, BigDecimal> deltas =
            new TreeMap<>(Comparator.comparingLong(Key::item).thenComparingLong(Key::location));
    private final Map<Key, String> names = new HashMap<>();

    public void add(ItemFacts item, LocationFacts location, BigDecimal delta) {
        Key key = new Key(item.id(), location.id());
        names.put(key, item.sku() + " at " + location.code());
        deltas.merge(key, delta, BigDecimal::add);
    }

    /** The net change of each stock row, in (item, location) order. */
    public Collection<BigDecimal> netChanges() {
        return deltas.values();
    }

    /**
     * Creates the missing stock rows of every item and location this document touches (a zero
     * change included) and locks them all, in (item, location) order: the serial writes that follow
     * update their counts of serials in stock (migration V8), and concurrent documents must take
     * them in one order.
     */
    public void lock(StockRepository repo) throws SQLException {
        long[] items = new long[deltas.size()];
        long[] locations = new long[deltas.size()];
        int i = 0;
        for (Key k : deltas.keySet()) {
            items[i] = k.item();
            locations[i++] = k.location();
        }
        repo.lock(items, locations);
    }

    /**
     * {@link #lock}, for a posting of several lines, before it writes serials line by line, and for
     * one that generates serials, before it takes numbers from the items' counters (lock order: stock,
     * then counters; its insert needs the numbers first). Any other posting, of one line, takes no
     * lock here: its serial statement's trigger creates and locks the rows it counts, in (item,
     * location) order, after the statement's ledger check (V21), and the stock changes after it
     * touch only those rows. The row, the hottest lock of a busy item, is then held from the end of
     * the serial statement to the commit (issue 17).
     *
     * @param lines     how many lines the document has
     * @param generates whether it generates serials
     */
    public void lockFirst(StockRepository repo, int lines, boolean generates) throws SQLException {
        if (lines > 1 || generates) {
            lock(repo);
        }
    }

    /**
     * Applies the changes and queues the database's check that on-hand equals the serials in stock
     * ({@link StockRepository#checkMatchesSerials}) on {@code last}, the round trip that ends the
     * document, so that a broken invariant fails inside it, before its number is taken. A decrease
     * runs at once (its refusal names what is on hand); the changes of a document that only adds (a
     * receipt, a build's output) are queued too, and go in that one round trip.
     *
     * @param what how the refusal names the document's action, e.g. "Insufficient stock of"
     */
    public void apply(StockRepository repo, String what, OneRoundTrip last) throws SQLException {
        boolean addsOnly = deltas.values().stream().noneMatch(d -> d.signum() < 0);
        for (Map.Entry<Key, BigDecimal> d : deltas.entrySet()) {
            Key k = d.getKey();
            BigDecimal delta = d.getValue();
            if (delta.signum() > 0 && addsOnly) {
                repo.add(last, k.item(), k.location(), delta);
            } else if (delta.signum() > 0) {
                repo.add(k.item(), k.location(), delta);
            } else if (delta.signum() < 0 && !repo.take(k.item(), k.location(), delta.negate())) {
                throw new RuleViolation(ErrorCode.INSUFFICIENT_STOCK, what + " " + names.get(k) + ": "
                        + Quantities.text(repo.onHand(k.item(), k.location())) + " on hand, "
                        + Quantities.text(delta.negate()) + " needed");
            }
        }
        repo.checkMatchesSerials(last);
    }
}
