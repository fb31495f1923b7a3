package org.serialtracking.item.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.common.Page;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.ItemView;
import org.serialtracking.item.boundary.OnHand;
import org.serialtracking.platform.screen.KeysetPager;

import java.io.Serializable;
import java.math.BigDecimal;

/** Inventory → Items: search by SKU or name, keyset-paged. */
@Named
@ViewScoped
public class ItemListScreen implements Serializable {

    static final int PAGE_SIZE = 25;

    @Inject
    ItemService items;

    private String query;
    private final KeysetPager<ItemView> pager = new KeysetPager<>();

    @PostConstruct
    void load() {
        search();
    }

    public void search() {
        pager.first(this::fetch);
    }

    public void next() {
        pager.next(this::fetch);
    }

    public void previous() {
        pager.previous(this::fetch);
    }

    private Page<ItemView> fetch(String cursor) {
        return items.search(query == null || query.isBlank() ? null : query.trim(), PAGE_SIZE, cursor);
    }

    public static BigDecimal onHandTotal(ItemView item) {
        return item.onHand().stream().map(OnHand::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal total(ItemView item) {
        return onHandTotal(item).stripTrailingZeros();
    }

    public KeysetPager<ItemView> getPager() {
        return pager;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
