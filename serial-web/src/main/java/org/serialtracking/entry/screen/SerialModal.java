package org.serialtracking.entry.screen;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.entry.boundary.SerialEntryService;
import org.serialtracking.entry.boundary.SerialList;
import org.serialtracking.entry.control.ImportResult;
import org.serialtracking.entry.control.RangeRequest;
import org.serialtracking.entry.control.SerialRange;
import org.serialtracking.entry.control.SerialRanges;
import org.serialtracking.gs1.Gtin;
import org.serialtracking.gs1.ScanReader;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.platform.screen.KeysetPager;
import org.serialtracking.platform.screen.ScreenMessages;
import org.serialtracking.serial.SerialAttributes;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.boundary.AutoSelect;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.serial.SerialView;
import org.serialtracking.transaction.boundary.LineSerialCheck;
import org.serialtracking.transaction.boundary.LineSerialCheck.Verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The serial number modal. It holds the serials being chosen for one line until the user saves
 * them back to the screen that opened it; nothing reaches the database from here. The services
 * decide for real when the document is posted: what the modal marks is a preview of that check.
 */
@Named
@ViewScoped
public class SerialModal implements Serializable {

    static final int PAGE_SIZE = 20;
    static final int SHOWN_PROBLEMS = 20;

    @Inject
    SerialEntryService entry;

    @Inject
    SerialQueryService query;

    @Inject
    LineSerialCheck check;

    @Inject
    ItemService items;

    private SerialModalRequest request;
    /** the chosen serials: case-insensitive key → serial as entered */
    private final LinkedHashMap<String, String> chosen = new LinkedHashMap<>();
    /** what is wrong with some of them: key → reason */
    private final Map<String, String> problems = new TreeMap<>();
    /** the lot and expiry of serials read from GS1 labels: key → what the label said */
    private final Map<String, SerialAttributes> labels = new HashMap<>();
    /** the line's item's GTIN (14 digits), null when it has none: only then are scans read as GS1 */
    private String gtin;
    private List<SerialRange> ranges = List.of();
    private boolean showAll;
    private String lastAction;
    /** the keys of the serials the line had when the modal opened: Cancel asks before throwing changes away */
    private Set<String> opened = Set.of();
    /** the add-mode tab shown: 0 type or scan, 1 generate, 2 upload */
    private int way;
    private long onHandHere;

    // generate a range
    private String prefix;
    private Long start;
    private Long end;
    private Integer padding;
    private String suffix;
    // scans refused, newest first (the last few), and how many in all
    private final LinkedList<String> refusedScans = new LinkedList<>();
    private int refusedScanCount;
    // remove mode
    private final KeysetPager<SerialView> available = new KeysetPager<>();
    private String filter;

    public void open(SerialModalRequest opened) {
        request = opened;
        chosen.clear();
        problems.clear();
        showAll = false;
        lastAction = null;
        refusedScans.clear();
        refusedScanCount = 0;
        way = 0; // opens ready for the scanner
        filter = null;
        prefix = null;
        suffix = null;
        padding = null;
        start = 1L;
        for (String s : opened.serials()) {
            chosen.putIfAbsent(SerialNumber.keyOf(s), s);
        }
        labels.clear();
        opened.labels().forEach((serial, label) -> labels.put(SerialNumber.keyOf(serial), label));
        gtin = gtinOf(opened.sku());
        this.opened = Set.copyOf(chosen.keySet());
        defaultEnd();
        if (isRemoveMode()) {
            available.first(this::fetchAvailable);
            onHandHere = query.countAvailable(opened.sku(), opened.location());
        }
        changed();
        PrimeFaces.current().executeScript("PF('serialModal').show()");
    }

    // ----- add mode: (A) upload -----

    public void upload(FileUploadEvent event) {
        String name = event.getFile().getFileName();
        try (InputStream content = event.getFile().getInputStream()) {
            // by the item only where it has a GTIN: an item being created has no record yet
            ImportResult result = entry.importFile(name, content, gtin == null ? null : request.sku());
            result.serialAttributes().forEach((serial, label) -> labels.putIfAbsent(SerialNumber.keyOf(serial), label));
            int added = addAll(result.serials());
            int duplicates = result.duplicatesRemoved() + result.serials().size() - added;
            StringBuilder summary = new StringBuilder().append(added).append(" serial(s) added from ").append(name)
                    .append("; ").append(duplicates).append(" duplicate(s) removed; ").append(result.rejectedCount())
                    .append(" row(s) rejected");
            result.rejected().stream().limit(5).forEach(r -> summary.append("; row ").append(r.row()).append(" '")
                    .append(r.value()).append("': ").append(r.reason()));
            lastAction = summary.toString();
            changed();
        } catch (RuleViolation refused) {
            ScreenMessages.refused("serialModalForm:ways:upload", refused);
        } catch (IOException unreadable) {
            ScreenMessages.error("serialModalForm:ways:upload", "The file could not be read: " + unreadable.getMessage());
        }
    }

    // ----- add mode: (B) generate -----

    private void defaultEnd() {
        if (request != null && start != null) {
            end = start + Math.max(remaining(), 1) - 1;
        }
    }

    /** What is wrong with Start and End as they are, said under them before Generate is pressed. */
    public String getRangeProblem() {
        if (start == null || end == null) {
            return "Give a start and an end number.";
        }
        return end < start ? "The end number " + end + " is before the start number " + start + "." : null;
    }

    /** The range as it would be generated, or what is wrong with it. */
    public String getPreview() {
        String problem = getRangeProblem();
        return problem != null ? problem : "First: " + getPreviewFirst() + " · Last: " + getPreviewLast() + " · "
                + (end - start + 1) + " serial(s)";
    }

    public String getPreviewFirst() {
        return previewOf(start);
    }

    public String getPreviewLast() {
        return previewOf(end);
    }

    private String previewOf(Long number) {
        if (number == null) {
            return "";
        }
        try {
            return entry.range(RangeRequest.numbered(prefix, number, number, padding == null ? 0 : padding, suffix))
                    .serials().get(0);
        } catch (RuleViolation invalid) {
            return "—";
        }
    }

    public void generate() {
        if (start == null || end == null) {
            ScreenMessages.error("serialModalForm:ways:start", "Give a start and an end number.");
            return;
        }
        try {
            SerialList range = entry.range(RangeRequest.numbered(prefix, start, end, padding == null ? 0 : padding,
                    suffix));
            int added = addAll(range.serials());
            lastAction = added + " serial(s) generated, " + (range.serials().size() - added) + " already in the list"
                    + (remaining() < 0 ? "; that is " + (-remaining()) + " more than the quantity (" + request.required()
                    + "): remove some before saving" : "");
            changed();
            start = end + 1;
            defaultEnd();
        } catch (RuleViolation refused) {
            // said at the top of the modal, and the Generate tab stays open
            ScreenMessages.refused(null, refused);
        }
    }

    // ----- add mode: (C) type or scan -----

    /**
     * Scans, in the order scanned (scan.js sends them in batches, each as a request parameter
     * {@code serials}). Each is added, or refused with the reason: never cut, never merged.
     */
    public void addScannedBatch() {
        List<String> added = new ArrayList<>();
        for (String scan : scannedBatch()) {
            ScanReader.Scanned read = read(scan);
            if (read == null) {
                continue;
            }
            String value = read.serial();
            if (chosen.containsKey(SerialNumber.keyOf(value))) {
                refuseScan("Duplicate: " + value + " is already in the list");
            } else {
                chosen.put(SerialNumber.keyOf(value), value);
                keepLabel(read);
                added.add(value);
            }
        }
        reportScans(added, "added");
    }

    /**
     * A scan as the line's serial: GS1 barcode data read where the item has a GTIN (by the rule every
     * entry path shares, {@link ScanReader}), else the serial as typed; null when refused, saying why.
     */
    private ScanReader.Scanned read(String scan) {
        if (gtin == null) {
            return refusedAsInvalid(scan) ? null : ScanReader.Scanned.plain(scan);
        }
        try {
            return ScanReader.read(scan, Gtin.of(gtin), ScanReader.Format.AUTO);
        } catch (RuleViolation refused) {
            refuseScan("'" + scan + "': " + refused.getMessage());
            return null;
        }
    }

    /** The item's GTIN; null when it has none, or is not saved yet (the item screen's initial stock). */
    private String gtinOf(String sku) {
        try {
            return items.get(sku).gtin();
        } catch (RuleViolation notSaved) {
            return null;
        }
    }

    private void keepLabel(ScanReader.Scanned read) {
        if (read.hasAttributes()) {
            labels.put(SerialNumber.keyOf(read.serial()), read.attributes());
        }
    }

    /** The scans of the current request (one parameter each, in scan order), blanks dropped. */
    private static List<String> scannedBatch() {
        String[] sent = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap()
                .get("serials");
        return sent == null ? List.of() : Arrays.stream(sent).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Refuses a scan that is no valid serial number, saying why; whether it did. */
    private boolean refusedAsInvalid(String value) {
        var problem = SerialNumber.problemWith(value);
        problem.ifPresent(p -> refuseScan("'" + value + "' is not a valid serial number: " + p));
        return problem.isPresent();
    }

    private void refuseScan(String why) {
        refusedScans.addFirst(why);
        refusedScanCount++;
        while (refusedScans.size() > SHOWN_PROBLEMS) {
            refusedScans.removeLast();
        }
    }

    private void reportScans(List<String> taken, String verb) {
        if (taken.size() == 1) {
            lastAction = taken.get(0) + " " + verb;
        } else if (!taken.isEmpty()) {
            lastAction = taken.size() + " serials " + verb + ", the last " + taken.get(taken.size() - 1);
        }
        changed();
    }

    // ----- the list -----

    public void removeRange(SerialRange range) {
        for (String s : membersOf(range)) {
            chosen.remove(SerialNumber.keyOf(s));
        }
        changed();
    }

    private static List<String> membersOf(SerialRange range) {
        return range.count() == 1 ? List.of(range.first()) : SerialRanges.expand(List.of(range));
    }

    public void remove(String serial) {
        chosen.remove(SerialNumber.keyOf(serial));
        changed();
    }

    public void clear() {
        chosen.clear();
        lastAction = null;
        changed();
    }

    public void toggleShowAll() {
        showAll = !showAll;
    }

    // ----- remove mode -----

    /**
     * Scans into the remove-mode box: each selects exactly that serial when it is on hand here and
     * free, or is refused saying why. The box is emptied for the next scan and the list unfiltered.
     */
    public void pickScannedBatch() {
        List<ScanReader.Scanned> reads = new ArrayList<>();
        for (String scan : scannedBatch()) {
            ScanReader.Scanned read = read(scan);
            if (read != null) {
                reads.add(read);
            }
        }
        Map<String, Verdict> verdicts = judge(reads.stream().map(ScanReader.Scanned::serial).toList());
        List<String> picked = new ArrayList<>();
        for (ScanReader.Scanned read : reads) {
            String value = read.serial();
            String key = SerialNumber.keyOf(value);
            Verdict v = verdicts.get(key);
            Integer line = request.otherLines().get(key);
            if (chosen.containsKey(key)) {
                refuseScan("Duplicate: " + chosen.get(key) + " is already selected");
            } else if (line != null) {
                refuseScan(value + " is already on line " + line);
            } else if (v.refusal() != null) {
                refuseScan(inWords(value, v));
            } else {
                chosen.put(key, v.found().serial());
                keepLabel(read);
                picked.add(v.found().serial());
            }
        }
        filter = null;
        available.first(this::fetchAvailable);
        reportScans(picked, "selected");
    }

    public void search() {
        available.first(this::fetchAvailable);
    }

    public void nextPage() {
        available.next(this::fetchAvailable);
    }

    public void previousPage() {
        available.previous(this::fetchAvailable);
    }

    private Page<SerialView> fetchAvailable(String cursor) {
        return query.available(request.sku(), request.location(), filter == null || filter.isBlank() ? null
                : filter.trim(), PAGE_SIZE, cursor);
    }

    public void selectAllOnPage() {
        List<String> page = available.getRows().stream().map(SerialView::serial)
                .filter(s -> otherLineOf(s) == null).toList();
        addAll(page);
        changed();
    }

    /** FIFO: the oldest on-hand serials not chosen yet, up to the quantity. */
    public void autoSelect() {
        int missing = remaining();
        if (missing <= 0) {
            lastAction = "Already " + chosen.size() + " of " + request.required() + " selected";
            return;
        }
        List<String> exclude = new ArrayList<>(chosen.values());
        request.otherLines().keySet().forEach(exclude::add);
        try {
            List<String> picked = query.autoSelect(request.sku(), new AutoSelect(request.location(), missing, exclude));
            addAll(picked);
            lastAction = picked.size() + " serial(s) selected, oldest first";
            changed();
        } catch (RuleViolation refused) {
            ScreenMessages.refused(null, refused);
        }
    }

    /** The row checkboxes: selection.get(serial) and selection.put(serial, on). */
    public Map<String, Boolean> getSelection() {
        return new Selection();
    }

    private final class Selection extends AbstractMap<String, Boolean> implements Serializable {
        @Override
        public Boolean get(Object serial) {
            return chosen.containsKey(SerialNumber.keyOf(String.valueOf(serial)));
        }

        @Override
        public Boolean put(String serial, Boolean on) {
            boolean was = get(serial);
            if (Boolean.TRUE.equals(on) && otherLineOf(serial) == null) {
                chosen.putIfAbsent(SerialNumber.keyOf(serial), serial);
            } else {
                chosen.remove(SerialNumber.keyOf(serial));
            }
            changed();
            return was;
        }

        @Override
        public Set<Entry<String, Boolean>> entrySet() {
            return Set.of();
        }
    }

    // ----- save -----

    public void save(SerialModalOwner owner) {
        if (!isCanSave()) {
            ScreenMessages.error(null, "Save needs exactly " + request.required()
                    + " serial(s) and none marked; there are " + chosen.size() + ".");
            return;
        }
        Map<String, SerialAttributes> chosenLabels = new LinkedHashMap<>();
        chosen.forEach((key, serial) -> {
            SerialAttributes label = labels.get(key);
            if (label != null) {
                chosenLabels.put(serial, label);
            }
        });
        owner.serialsChosen(request.line(), List.copyOf(chosen.values()), chosenLabels);
        PrimeFaces.current().executeScript("PF('serialModal').hide()");
    }

    // ----- state shown -----

    private int addAll(List<String> serials) {
        int added = 0;
        for (String s : serials) {
            if (chosen.putIfAbsent(SerialNumber.keyOf(s), s) == null) {
                added++;
            }
        }
        return added;
    }

    /** Recomputes the collapsed ranges and what is wrong, after every change of the list. */
    private void changed() {
        ranges = chosen.isEmpty() ? List.of() : entry.collapse(new SerialList(List.copyOf(chosen.values()))).ranges();
        problems.clear();
        for (Map.Entry<String, String> e : chosen.entrySet()) {
            SerialNumber.problemWith(e.getValue()).ifPresent(p -> problems.put(e.getKey(), e.getValue() + ": " + p));
            Integer line = request.otherLines().get(e.getKey());
            if (line != null) {
                problems.put(e.getKey(), e.getValue() + " is already on line " + line);
            }
        }
        if (!isRemoveMode() && !chosen.isEmpty()) {
            markKnown();
        }
    }

    /** Add mode: serials the posting would refuse are marked before saving, saying why. */
    private void markKnown() {
        Map<String, Verdict> verdicts = judge(chosen.values());
        for (Map.Entry<String, String> e : chosen.entrySet()) {
            Verdict v = verdicts.get(e.getKey());
            if (v != null && v.refusal() != null) {
                problems.putIfAbsent(e.getKey(), inWords(e.getValue(), v));
            }
        }
    }

    /** The posting's verdicts on these serials for this line (the modal never decides by itself). */
    private Map<String, Verdict> judge(Collection<String> serials) {
        return check.judge(request.movement(), request.sku(), request.location(), serials);
    }

    /** A refusal as the clerk reads it, naming the serial and where the system has it. */
    private static String inWords(String entered, Verdict v) {
        SerialView found = v.found();
        return switch (v.refusal()) {
            case DUPLICATE_SERIAL -> entered + " is already in the system (" + describe(found) + ")";
            case SERIAL_NOT_RETURNABLE -> found == null ? entered + " is not known to the system, so it cannot be "
                    + "returned" : entered + " cannot be returned (" + describe(found) + ")";
            default -> found == null ? entered + " is not known to the system"
                    : found.serial() + " is not on hand here (" + describe(found) + ")";
        };
    }

    private static String describe(SerialView v) {
        return v.sku() + ", " + v.status().name().replace('_', ' ').toLowerCase()
                + (v.location() == null ? "" : " at " + v.location());
    }

    private int remaining() {
        return request.required() - chosen.size();
    }

    public Integer otherLineOf(String serial) {
        return request == null ? null : request.otherLines().get(SerialNumber.keyOf(serial));
    }

    public boolean isKnownProblem(String serial) {
        return problems.containsKey(SerialNumber.keyOf(serial));
    }

    public boolean isRangeWithProblem(SerialRange range) {
        if (problems.isEmpty()) {
            return false;
        }
        return membersOf(range).stream().anyMatch(this::isKnownProblem);
    }

    public boolean isCanSave() {
        return request != null && chosen.size() == request.required() && problems.isEmpty();
    }

    public boolean isRemoveMode() {
        return request != null && request.movement().takesFromStock();
    }

    public int getEntered() {
        return chosen.size();
    }

    public int getRequired() {
        return request == null ? 0 : request.required();
    }

    public String getSku() {
        return request == null ? "" : request.sku();
    }

    public String getLocation() {
        return request == null ? "" : request.location();
    }

    /** What is wrong, the first {@value #SHOWN_PROBLEMS} spelled out. */
    public List<String> getProblems() {
        List<String> all = List.copyOf(problems.values());
        if (all.size() <= SHOWN_PROBLEMS) {
            return all;
        }
        List<String> shown = new ArrayList<>(all.subList(0, SHOWN_PROBLEMS));
        shown.add("and " + (all.size() - SHOWN_PROBLEMS) + " more");
        return shown;
    }

    public List<SerialRange> getRanges() {
        return ranges;
    }

    public List<String> getSerials() {
        return List.copyOf(chosen.values());
    }

    /** How many serials Cancel or Esc would throw away (added or taken off since it opened). */
    public int getUnsavedCount() {
        int changes = 0;
        for (String key : chosen.keySet()) {
            changes += opened.contains(key) ? 0 : 1;
        }
        for (String key : opened) {
            changes += chosen.containsKey(key) ? 0 : 1;
        }
        return changes;
    }

    public int getWay() {
        return way;
    }

    public void setWay(int way) {
        this.way = way;
    }

    public void wayChanged(org.primefaces.event.TabChangeEvent<?> event) {
        way = Math.max(0, event.getComponent().getChildren().indexOf(event.getTab()));
    }

    /** Remove mode: how many serials of the item are on hand at the line's location. */
    public long getOnHandHere() {
        return onHandHere;
    }

    public boolean isShowAll() {
        return showAll;
    }

    public String getLastAction() {
        return lastAction;
    }

    public KeysetPager<SerialView> getAvailable() {
        return available;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public Long getStart() {
        return start;
    }

    public void setStart(Long start) {
        this.start = start;
    }

    public Long getEnd() {
        return end;
    }

    public void setEnd(Long end) {
        this.end = end;
    }

    public Integer getPadding() {
        return padding;
    }

    public void setPadding(Integer padding) {
        this.padding = padding;
    }

    public String getSuffix() {
        return suffix;
    }

    public void setSuffix(String suffix) {
        this.suffix = suffix;
    }

    public List<String> getRefusedScans() {
        return List.copyOf(refusedScans);
    }

    public int getRefusedScanCount() {
        return refusedScanCount;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
