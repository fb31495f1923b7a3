package org.serialtracking.recall.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.entry.boundary.QuickEntryText;
import org.serialtracking.entry.boundary.SerialEntryService;
import org.serialtracking.entry.control.ImportResult;
import org.serialtracking.item.boundary.ItemView;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.party.PartyKind;
import org.serialtracking.party.boundary.PartyService;
import org.serialtracking.party.screen.PartySuggestions;
import org.serialtracking.platform.screen.CurrentUser;
import org.serialtracking.platform.screen.KeysetPager;
import org.serialtracking.platform.screen.ScreenMessages;
import org.serialtracking.recall.RecallCommand;
import org.serialtracking.recall.RecallCounts;
import org.serialtracking.recall.RecallUnit;
import org.serialtracking.recall.RecallView;
import org.serialtracking.recall.UnitState;
import org.serialtracking.recall.boundary.RecallService;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.site.boundary.LocationView;
import org.serialtracking.site.boundary.SiteService;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quality → Recalls. A quality engineer names the suspects (serials scanned, pasted or uploaded,
 * through the same entry tools as the serial modal; a component item and the days it was consumed;
 * a supplier; a receipt), creates the recall, and sees every unit holding a suspect now: counted by
 * state and customer, filtered, exported, and finally closed. The rules are the API's
 * ({@link RecallService}); refusals are shown where they apply.
 */
@Named
@ViewScoped
public class RecallsScreen implements Serializable {

    static final int PAGE_SIZE = 15;
    static final int UNIT_PAGE_SIZE = 25;
    static final int SUGGESTIONS = 10;
    static final int SHOWN_REFUSALS = 10;
    static final int SHOWN_SUSPECTS = 30;

    @Inject
    RecallService recalls;

    @Inject
    SerialEntryService entry;

    @Inject
    ItemService items;

    @Inject
    PartyService parties;

    @Inject
    SiteService sites;

    @Inject
    CurrentUser user;

    private final KeysetPager<RecallView> list = new KeysetPager<>();
    private final KeysetPager<RecallUnit> units = new KeysetPager<>();
    private String listStatus = "OPEN";
    private String number;
    private RecallView selected;
    private UnitState unitState;
    private String unitCustomer;
    private String closingNote;

    // the new recall
    private String reason;
    private String serialsText;
    private final LinkedHashMap<String, String> suspects = new LinkedHashMap<>();
    private final List<String> refusedScans = new ArrayList<>();
    private String lastAction;
    private String componentSku;
    private LocalDate componentFrom;
    private LocalDate componentTo;
    private String componentLocation;
    private String supplier;
    private String receipt;
    private List<LocationView> locations;

    @PostConstruct
    void init() {
        locations = sites.locations();
    }

    /** After the view parameter: the list, and the recall named in the address, if any. */
    public void load() {
        searchList();
        if (number != null && !number.isBlank()) {
            open(number.strip());
        }
    }

    public void searchList() {
        list.first(after -> recalls.list(listStatus, PAGE_SIZE, after));
    }

    public void nextList() {
        list.next(after -> recalls.list(listStatus, PAGE_SIZE, after));
    }

    public void previousList() {
        list.previous(after -> recalls.list(listStatus, PAGE_SIZE, after));
    }

    public void open(String recallNumber) {
        try {
            show(recalls.get(recallNumber));
        } catch (RuleViolation refused) {
            selected = null;
            ScreenMessages.refused(null, refused);
        }
    }

    /** Shows a recall as read (a new one as created: its counts are a walk of all its units already). */
    private void show(RecallView recall) {
        selected = recall;
        number = recall.number();
        unitState = null;
        unitCustomer = null;
        closingNote = null;
        searchUnits();
    }

    public void searchUnits() {
        units.first(after -> recalls.units(number, stateCode(), unitCustomer, UNIT_PAGE_SIZE, after));
    }

    public void nextUnits() {
        units.next(after -> recalls.units(number, stateCode(), unitCustomer, UNIT_PAGE_SIZE, after));
    }

    public void previousUnits() {
        units.previous(after -> recalls.units(number, stateCode(), unitCustomer, UNIT_PAGE_SIZE, after));
    }

    /** A click on a count: only the units in that state (again: all). */
    public void filterState(UnitState state) {
        unitState = state == unitState ? null : state;
        searchUnits();
    }

    /** A click on a customer's count: only that customer's units (again: all). */
    public void filterCustomer(String customer) {
        unitCustomer = customer != null && customer.equals(unitCustomer) ? null : customer;
        searchUnits();
    }

    private String stateCode() {
        return unitState == null ? null : unitState.name();
    }

    // ------------------------------------------------------------------ suspects

    /**
     * Scans from the box (scan.js: one request parameter per scan, in scan order): each valid, known
     * serial joins the suspects once; anything else is named with the reason, at once.
     */
    public void addScannedBatch() {
        String[] sent = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap()
                .get("serials");
        addSuspects(sent == null ? List.of() : Arrays.stream(sent).map(String::strip).filter(v -> !v.isEmpty())
                .toList(), "scanned");
    }

    /** What is pasted (one per line, or ranges such as SN-001..SN-100), read by the quick entry. */
    public void addPasted() {
        if (!present(serialsText)) {
            return;
        }
        try {
            addSuspects(entry.parse(new QuickEntryText(serialsText, null)).serials(), "pasted");
            serialsText = null;
        } catch (RuleViolation refused) {
            ScreenMessages.refused("recalls:serials", refused);
        }
    }

    /** A file of serials (first column), read by the serial modal's importer. */
    public void upload(FileUploadEvent event) {
        String name = event.getFile().getFileName();
        try (InputStream content = event.getFile().getInputStream()) {
            ImportResult result = entry.importFile(name, content);
            addSuspects(result.serials(), "from " + name);
            if (result.rejectedCount() > 0) {
                refused(result.rejectedCount() + " row(s) of " + name + " are no serial numbers");
            }
        } catch (RuleViolation refused) {
            ScreenMessages.refused("recalls:upload", refused);
        } catch (IOException unreadable) {
            ScreenMessages.error("recalls:upload", "The file could not be read: " + unreadable.getMessage());
        }
    }

    private void addSuspects(List<String> values, String how) {
        List<String> valid = new ArrayList<>();
        for (String v : values) {
            var problem = SerialNumber.problemWith(v);
            if (problem.isPresent()) {
                refused("'" + v + "' is not a valid serial number: " + problem.get());
            } else if (suspects.containsKey(SerialNumber.keyOf(v))) {
                refused("Duplicate: " + v + " is already in the list");
            } else {
                valid.add(v);
            }
        }
        Set<String> unknown = Set.copyOf(recalls.unknownSerials(valid));
        int added = 0;
        for (String v : valid) {
            if (unknown.contains(v)) {
                refused("Not known: " + v + " is no serial of ours");
            } else if (suspects.putIfAbsent(SerialNumber.keyOf(v), v) == null) {
                added++;
            }
        }
        lastAction = added + " serial(s) " + how + " added";
    }

    private void refused(String why) {
        refusedScans.add(0, why);
        while (refusedScans.size() > SHOWN_REFUSALS) {
            refusedScans.remove(refusedScans.size() - 1);
        }
    }

    public void clearSuspects() {
        suspects.clear();
        refusedScans.clear();
        lastAction = null;
    }

    public void create() {
        user.requireClerk();
        try {
            List<RecallCommand.Component> components = new ArrayList<>();
            if (present(componentSku) || componentFrom != null || componentTo != null) {
                components.add(new RecallCommand.Component(componentSku,
                        componentFrom == null ? null : componentFrom.toString(),
                        componentTo == null ? null : componentTo.toString(), componentLocation));
            }
            RecallView created = recalls.create(new RecallCommand(reason, List.copyOf(suspects.values()), components,
                    present(supplier) ? List.of(PartySuggestions.code(supplier).strip()) : List.of(),
                    present(receipt) ? List.of(receipt.strip()) : List.of()));
            ScreenMessages.info("Recall " + created.number() + " created: " + created.suspects()
                    + " suspect serial(s), " + created.counts().units() + " unit(s) affected.");
            reason = null;
            serialsText = null;
            clearSuspects();
            componentSku = null;
            componentFrom = null;
            componentTo = null;
            componentLocation = null;
            supplier = null;
            receipt = null;
            listStatus = "OPEN";
            searchList();
            show(created);
        } catch (RuleViolation refused) {
            ScreenMessages.refused("recalls:reason", refused);
        }
    }

    public void close() {
        user.requireClerk();
        try {
            selected = recalls.close(number, closingNote);
            ScreenMessages.info("Recall " + number + " closed.");
            searchList();
        } catch (RuleViolation refused) {
            ScreenMessages.refused("recalls:closingNote", refused);
        }
    }

    public List<String> completeItem(String query) {
        return items.search(present(query) ? query.strip() : null, SUGGESTIONS, null).items().stream()
                .map(ItemView::sku).toList();
    }

    /** Suggestions read "CODE — Name"; the code is what counts. */
    public List<String> completeSupplier(String query) {
        return parties.search(PartyKind.SUPPLIER, present(query) ? query.strip() : null, SUGGESTIONS, null).items()
                .stream().map(PartySuggestions::label).toList();
    }

    // ------------------------------------------------------------------ what the page shows

    /** The export of the units shown, through the API (the signed-in session may read it). */
    public String exportUrl(String format) {
        StringBuilder url = new StringBuilder("api/recalls/").append(number).append("/units/export?format=")
                .append(format);
        if (unitState != null) {
            url.append("&status=").append(unitState.name());
        }
        if (unitCustomer != null) {
            url.append("&customer=").append(URLEncoder.encode(unitCustomer, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** The states with their counts, in the order of {@link UnitState}; states with none left out. */
    public List<Map.Entry<UnitState, Long>> getStateCounts() {
        RecallCounts counts = selected == null ? null : selected.counts();
        if (counts == null) {
            return List.of();
        }
        List<Map.Entry<UnitState, Long>> result = new ArrayList<>();
        for (UnitState s : UnitState.values()) {
            Long n = counts.byStatus().get(s);
            if (n != null && n > 0) {
                result.add(Map.entry(s, n));
            }
        }
        return result;
    }

    public String path(RecallUnit unit) {
        return String.join(" › ", unit.path());
    }

    /** What was asked, in a sentence. */
    public String criteriaText() {
        if (selected == null || selected.criteria() == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        var c = selected.criteria();
        if (c.serials() > 0) {
            parts.add(c.serials() + " serial(s) named");
        }
        for (RecallCommand.Component k : c.components()) {
            parts.add(k.sku() + " consumed " + k.from() + " to " + k.to() + (k.location() == null ? "" : " at "
                    + k.location()));
        }
        if (!c.suppliers().isEmpty()) {
            parts.add("received from " + String.join(", ", c.suppliers()));
        }
        if (!c.receipts().isEmpty()) {
            parts.add("received on " + String.join(", ", c.receipts()));
        }
        return String.join("; ", parts);
    }

    public boolean isOpen() {
        return selected != null && selected.status() == RecallView.Status.OPEN;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    // ------------------------------------------------------------------ getters and setters

    public KeysetPager<RecallView> getList() {
        return list;
    }

    public KeysetPager<RecallUnit> getUnits() {
        return units;
    }

    public RecallView getSelected() {
        return selected;
    }

    public UnitState[] getUnitStates() {
        return UnitState.values();
    }

    public List<LocationView> getLocations() {
        return locations;
    }

    public String getListStatus() {
        return listStatus;
    }

    public void setListStatus(String listStatus) {
        this.listStatus = listStatus == null || listStatus.isBlank() ? null : listStatus;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public UnitState getUnitState() {
        return unitState;
    }

    public void setUnitState(UnitState unitState) {
        this.unitState = unitState;
    }

    public String getUnitCustomer() {
        return unitCustomer;
    }

    public void setUnitCustomer(String unitCustomer) {
        this.unitCustomer = present(unitCustomer) ? unitCustomer.strip() : null;
    }

    public String getClosingNote() {
        return closingNote;
    }

    public void setClosingNote(String closingNote) {
        this.closingNote = closingNote;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getSerialsText() {
        return serialsText;
    }

    public void setSerialsText(String serialsText) {
        this.serialsText = serialsText;
    }

    /** The suspects so far, as entered, in the order entered. */
    public List<String> getSuspects() {
        return List.copyOf(suspects.values());
    }

    /** The suspects listed, the last {@value #SHOWN_SUSPECTS} when there are more. */
    public String getSuspectsText() {
        List<String> all = getSuspects();
        return all.size() <= SHOWN_SUSPECTS ? String.join(", ", all)
                : "… " + String.join(", ", all.subList(all.size() - SHOWN_SUSPECTS, all.size()));
    }

    /** The latest refusals of scans, pastes and files, newest first. */
    public List<String> getRefusedScans() {
        return refusedScans;
    }

    public String getLastAction() {
        return lastAction;
    }

    public String getComponentSku() {
        return componentSku;
    }

    public void setComponentSku(String componentSku) {
        this.componentSku = componentSku;
    }

    public LocalDate getComponentFrom() {
        return componentFrom;
    }

    public void setComponentFrom(LocalDate componentFrom) {
        this.componentFrom = componentFrom;
    }

    public LocalDate getComponentTo() {
        return componentTo;
    }

    public void setComponentTo(LocalDate componentTo) {
        this.componentTo = componentTo;
    }

    public String getComponentLocation() {
        return componentLocation;
    }

    public void setComponentLocation(String componentLocation) {
        this.componentLocation = componentLocation;
    }

    public String getSupplier() {
        return supplier;
    }

    public void setSupplier(String supplier) {
        this.supplier = supplier;
    }

    public String getReceipt() {
        return receipt;
    }

    public void setReceipt(String receipt) {
        this.receipt = receipt;
    }
}
