package org.serialtracking.item.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.common.Page;
import org.serialtracking.common.Quantities;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.ItemView;
import org.serialtracking.item.boundary.OnHand;
import org.serialtracking.platform.screen.PagedListScreen;

import java.math.BigDecimal;

/** Inventory → Items: search by SKU or name, keyset-paged. */
@Named
@ViewScoped
public class ItemListScreen extends PagedListScreen<ItemView> {

    static final int PAGE_SIZE = 25;

    @Inject
    ItemService items;

    private String query;

    @PostConstruct
    void load() {
        search();
    }

    @Override
    protected Page<ItemView> fetch(String cursor) {
        return items.search(blankToNull(query), PAGE_SIZE, cursor);
    }

    /** On hand at all locations, as people write it (300,000; 2.5). */
    public String total(ItemView item) {
        return Quantities.display(item.onHand().stream().map(OnHand::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
