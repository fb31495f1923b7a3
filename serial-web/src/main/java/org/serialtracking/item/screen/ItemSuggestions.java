package org.serialtracking.item.screen;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.ItemView;

import java.util.List;

/**
 * The item box of the list screens: suggestions while typing (SKU or name contains the text), and
 * the item a typed text stands for: the exact SKU, or the only item whose SKU or name contains it.
 */
@Named
@ApplicationScoped
public class ItemSuggestions {

    static final int SUGGESTIONS = 15;

    @Inject
    ItemService items;

    /** p:autoComplete completeMethod. */
    public List<String> complete(String query) {
        return matching(query, SUGGESTIONS).stream().map(ItemView::sku).toList();
    }

    /**
     * The SKU to filter by: {@code typed} itself when it is a SKU or matches no item or several (the
     * list then shows what that exact SKU has, usually nothing, and {@link #hint} says why), or the
     * SKU of the one item it matches.
     */
    public String resolve(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        if (isSku(text)) {
            return text;
        }
        List<ItemView> found = matching(text, 2);
        return found.size() == 1 ? found.get(0).sku() : text;
    }

    /** What the screen says under the item box when the text does not pick one item. */
    public String hint(String typed) {
        if (typed == null || typed.isBlank() || isSku(typed.strip())) {
            return null;
        }
        String text = typed.strip();
        List<ItemView> found = matching(text, SUGGESTIONS + 1);
        if (found.isEmpty()) {
            return "No item's SKU or name contains '" + text + "'.";
        }
        if (found.size() > 1) {
            return (found.size() > SUGGESTIONS ? "More than " + SUGGESTIONS : String.valueOf(found.size()))
                    + " items match '" + text + "': pick one from the suggestions.";
        }
        return null;
    }

    private boolean isSku(String text) {
        try {
            items.get(text);
            return true;
        } catch (RuleViolation notFound) {
            return false;
        }
    }

    private List<ItemView> matching(String query, int limit) {
        return items.search(query == null || query.isBlank() ? null : query.strip(), limit, null).items();
    }
}
