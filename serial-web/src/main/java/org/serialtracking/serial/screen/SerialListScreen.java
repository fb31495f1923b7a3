package org.serialtracking.serial.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.serialtracking.label.LabelPreset;
import org.serialtracking.label.boundary.LabelService;
import org.serialtracking.serial.SerialFilter;
import org.serialtracking.item.screen.ItemSuggestions;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.platform.screen.PagedListScreen;
import org.serialtracking.platform.screen.ScreenMessages;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.HistoryView;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.serial.SerialView;
import org.serialtracking.trace.Trace;
import org.serialtracking.trace.TraceNode;
import org.serialtracking.trace.boundary.TraceService;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.LazyDefaultTreeNode;
import org.primefaces.model.TreeNode;
import org.serialtracking.site.boundary.LocationView;
import org.serialtracking.site.boundary.SiteService;
import org.serialtracking.transaction.screen.DocumentScreen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Inventory → Serial List. Filtering and paging happen in the database (keyset on the serial's
 * key), so the first page and a page far down cost the same with millions of serials. A serial
 * opens its history; a history row opens its document in a nested modal.
 */
@Named
@ViewScoped
public class SerialListScreen extends PagedListScreen<SerialView> {

    static final int PAGE_SIZE = 50;

    @Inject
    SerialQueryService serials;

    @Inject
    SiteService sites;

    @Inject
    DocumentScreen document;

    @Inject
    LabelService labels;

    private String sku;
    @Inject
    ItemSuggestions itemSuggestions;
    private SerialStatus status;
    private String location;
    private String q;
    private String lot;
    private java.time.LocalDate expiresBy;
    private boolean descending;
    /** the rows ticked on the page shown: what "Print labels" prints */
    private List<SerialView> selected = new java.util.ArrayList<>();
    private LabelPreset labelPreset = LabelService.DEFAULT_PRESET;
    private List<LocationView> locations;
    private String historySerial;
    private SerialView historyOf;
    private List<HistoryView> history = List.of();
    /** the History modal's Made of and Went into tabs: the serial itself, its parts or what holds it below */
    private TreeNode<TraceNode> madeOf = new DefaultTreeNode<>(null, null);
    private TreeNode<TraceNode> wentInto = new DefaultTreeNode<>(null, null);

    @Inject
    TraceService traces;

    @PostConstruct
    void load() {
        locations = sites.locations();
        // the start page links here with ?status=IN_STOCK
        String wanted = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("status");
        status = java.util.Arrays.stream(SerialStatus.values()).filter(s -> s.name().equals(wanted)).findFirst()
                .orElse(null);
        search();
    }

    public void toggleOrder() {
        descending = !descending;
        search();
    }

    @Override
    protected Page<SerialView> fetch(String cursor) {
        return serials.list(new SerialFilter(itemSuggestions.resolve(sku), status, blankToNull(location), blankToNull(q),
                blankToNull(lot), expiresBy), descending, PAGE_SIZE, cursor);
    }

    public void openHistory(String serial) {
        try {
            historySerial = serial;
            historyOf = serials.get(serial);
            history = serials.history(serial);
            madeOf = tree(traces.trace(serial, "backward"));
            wentInto = tree(traces.trace(serial, "forward"));
            PrimeFaces.current().executeScript("PF('history').show()");
        } catch (RuleViolation notFound) {
            ScreenMessages.refused(null, notFound);
        }
    }

    /** A trace as a tree table's nodes: the serial itself expanded, deeper levels collapsed. */
    /**
     * The trace as a tree table's model, the serial itself open: each unit's children become rows
     * only when the clerk opens it (a trace may hold thousands of units).
     */
    private static TreeNode<TraceNode> tree(Trace trace) {
        TreeNode<TraceNode> root = new DefaultTreeNode<>(null, null);
        TreeNode<TraceNode> self = new LazyDefaultTreeNode<>(trace.root(), TraceNode::children,
                node -> node.children().isEmpty());
        root.getChildren().add(self);
        self.setExpanded(true);
        return root;
    }

    public TreeNode<TraceNode> getMadeOf() {
        return madeOf;
    }

    public TreeNode<TraceNode> getWentInto() {
        return wentInto;
    }

    /** A build's untracked materials in words: "8 × SCREW-1 at WH-1". */
    public String materialsOf(TraceNode node) {
        return node == null ? "" : String.join(", ", node.materials().stream().map(m -> m.quantity().toPlainString()
                + " × " + m.sku() + " at " + m.location()).toList());
    }

    public void openDocument(long id) {
        document.show(id);
        PrimeFaces.current().executeScript("PF('historyDocument').show()");
    }

    /** The export of the current filter, through the API (the signed-in session may read it). */
    public String exportUrl(String format) {
        StringBuilder url = new StringBuilder("api/serials/export?format=").append(format);
        append(url, "sku", itemSuggestions.resolve(sku));
        append(url, "status", status == null ? null : status.name());
        append(url, "location", location);
        append(url, "q", q);
        append(url, "lot", lot);
        append(url, "expiresBy", expiresBy == null ? null : expiresBy.toString());
        return url.toString();
    }

    // ----- labels of the ticked rows -----

    /** The ticked serials' labels as a PDF download; nothing when none is ticked, saying so. */
    public StreamedContent getLabels() {
        List<String> ticked = selected.stream().map(SerialView::serial).toList();
        if (ticked.isEmpty()) {
            return null;
        }
        List<String> keys = labels.checkSerials(ticked);
        LabelPreset preset = labelPreset;
        return DefaultStreamedContent.builder().name("labels.pdf").contentType("application/pdf").writer(out -> {
            labels.serialLabels(keys, preset, out);
        }).build();
    }

    public void checkLabels() {
        if (selected.isEmpty()) {
            ScreenMessages.error(null, "Tick the serials to print labels for.");
        }
    }

    public List<SerialView> getSelected() {
        return selected;
    }

    public void setSelected(List<SerialView> selected) {
        this.selected = selected == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(selected);
    }

    public String getLabelPreset() {
        return labelPreset.name();
    }

    public void setLabelPreset(String preset) {
        this.labelPreset = LabelService.preset(preset);
    }

    public String getLot() {
        return lot;
    }

    public void setLot(String lot) {
        this.lot = lot;
    }

    public java.time.LocalDate getExpiresBy() {
        return expiresBy;
    }

    public void setExpiresBy(java.time.LocalDate expiresBy) {
        this.expiresBy = expiresBy;
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }

    public SerialStatus[] getStatuses() {
        return SerialStatus.values();
    }

    public List<LocationView> getLocations() {
        return locations;
    }

    public String getHistorySerial() {
        return historySerial;
    }

    public SerialView getHistoryOf() {
        return historyOf;
    }

    public List<HistoryView> getHistory() {
        return history;
    }

    public boolean isDescending() {
        return descending;
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

    public SerialStatus getStatus() {
        return status;
    }

    public void setStatus(SerialStatus status) {
        this.status = status;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
