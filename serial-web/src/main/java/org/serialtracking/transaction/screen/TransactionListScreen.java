package org.serialtracking.transaction.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.serialtracking.item.screen.ItemSuggestions;
import jakarta.inject.Named;
import org.serialtracking.common.Page;
import org.serialtracking.platform.screen.PagedListScreen;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.boundary.DocumentQueryService;
import org.serialtracking.transaction.DocumentSummary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** All documents, newest first, filtered by type, item and posting date (the server's time zone). */
@Named
@ViewScoped
public class TransactionListScreen extends PagedListScreen<DocumentSummary> {

    static final int PAGE_SIZE = 25;

    @Inject
    DocumentQueryService documents;

    private DocumentType type;
    private String sku;
    @Inject
    ItemSuggestions itemSuggestions;
    private LocalDate from;
    private LocalDate to;

    @PostConstruct
    void load() {
        // the start page links here with ?today=true
        if ("true".equals(jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("today"))) {
            from = LocalDate.now();
            to = from;
        }
        search();
    }

    @Override
    protected Page<DocumentSummary> fetch(String cursor) {
        ZoneId zone = ZoneId.systemDefault();
        OffsetDateTime start = from == null ? null : from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        return documents.list(itemSuggestions.resolve(sku), type, start, end, PAGE_SIZE, cursor);
    }

    public List<DocumentType> getTypes() {
        return Arrays.stream(DocumentType.values()).toList();
    }

    public DocumentType getType() {
        return type;
    }

    public void setType(DocumentType type) {
        this.type = type;
    }

    /** Under the item box: why the text picks no single item. */
    public String getSkuHint() {
        return itemSuggestions.hint(sku);
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
