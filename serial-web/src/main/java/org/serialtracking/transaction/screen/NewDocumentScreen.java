package org.serialtracking.transaction.screen;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.serial.SerialAttributes;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.entry.screen.SerialModal;
import org.serialtracking.entry.screen.SerialModalOwner;
import org.serialtracking.entry.screen.SerialModalRequest;
import org.serialtracking.format.boundary.AutoSerialService;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.ItemView;
import org.serialtracking.platform.screen.CurrentUser;
import org.serialtracking.platform.screen.ScreenMessages;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.site.boundary.LocationView;
import org.serialtracking.site.boundary.SiteService;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.party.PartyKind;
import org.serialtracking.party.boundary.PartyService;
import org.serialtracking.party.screen.PartySuggestions;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.LineCommand;
import org.serialtracking.transaction.boundary.PostingService;
import org.serialtracking.transaction.boundary.Posted;
import org.serialtracking.transaction.control.Movement;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The form of a new document of any type: lines, each with its item, locations, quantity and, for
 * tracked items, its serials from the serial number modal. Save is offered only while every
 * tracked line has as many serials as its quantity; the posting checks everything again.
 */
@Named
@ViewScoped
public class NewDocumentScreen implements Serializable, SerialModalOwner {

    static final int ITEM_SUGGESTIONS = 10;

    @Inject
    PostingService posting;

    @Inject
    ItemService items;

    @Inject
    AutoSerialService autoSerials;

    @Inject
    SettingsService settings;

    @Inject
    SiteService sites;

    @Inject
    SerialModal modal;

    @Inject
    PartyService parties;

    @Inject
    CurrentUser user;

    private String typeParam;
    private DocumentType type;
    private String reference;
    /** the supplier (receipt) or customer (shipment, return) code, optional */
    private String party;
    /** a return's RMA */
    private String rma;
    private final List<LineForm> lines = new ArrayList<>();
    private List<LocationView> locations;
    /** one key per form: a double click or a retry posts the document once */
    private final String idempotencyKey = UUID.randomUUID().toString();

    /** f:viewAction */
    public void load() {
        locations = sites.locations();
        try {
            type = DocumentType.valueOf(typeParam == null ? "RECEIPT" : typeParam.trim().toUpperCase());
        } catch (IllegalArgumentException unknown) {
            type = DocumentType.RECEIPT;
        }
        if (type == DocumentType.SERIAL_INIT) {
            type = DocumentType.RECEIPT;
        }
        if (lines.isEmpty()) {
            List<LineRole> roles = LineRole.of(type);
            if (roles.isEmpty()) {
                lines.add(new LineForm(null));
            }
            roles.forEach(r -> lines.add(new LineForm(r)));
        }
    }

    public void addLine() {
        List<LineRole> roles = LineRole.of(type);
        lines.add(new LineForm(roles.isEmpty() ? null : roles.get(roles.size() - 1)));
    }

    public void removeLine(int index) {
        if (lines.size() > 1) {
            lines.remove(index);
        }
    }

    /** The kind of party this document may name (null: none), and its label on the form. */
    public PartyKind getPartyKind() {
        return type == null ? null : PartyKind.of(type);
    }

    public String getPartyLabel() {
        return getPartyKind() == PartyKind.SUPPLIER ? "Supplier" : "Customer";
    }

    /** Suggestions read "CODE — Name"; choosing one keeps the code (see {@link #setParty}). */
    public List<String> completeParty(String query) {
        return parties.search(getPartyKind(), query == null || query.isBlank() ? null : query.trim(), ITEM_SUGGESTIONS,
                null).items().stream().map(PartySuggestions::label).toList();
    }

    public List<String> completeItem(String query) {
        return items.search(query == null || query.isBlank() ? null : query.trim(), ITEM_SUGGESTIONS, null).items()
                .stream().map(ItemView::sku).toList();
    }

    /** The line's item changed: its tracking decides whether the line needs serials. */
    public void itemChosen(int index) {
        LineForm line = lines.get(index);
        line.setSerials(List.of(), false);
        line.setProblem(null);
        if (line.getSku() == null || line.getSku().isBlank()) {
            line.setItemFlags(false, false);
            return;
        }
        try {
            ItemView item = items.get(line.getSku().trim());
            line.setItemFlags(item.trackSerials(), item.autoSerialNumber() && settings.get().autoSerialNumber());
            fillAuto(line);
        } catch (RuleViolation unknown) {
            line.setItemFlags(false, false);
            line.setProblem(unknown.getMessage());
        }
    }

    public void quantityChanged(int index) {
        LineForm line = lines.get(index);
        line.setProblem(null);
        if (line.isAutoFilled() || line.getSerials().isEmpty()) {
            line.setSerials(List.of(), false);
            fillAuto(line);
        }
    }

    /**
     * With auto serial numbers on, a line that brings in new serials (a receipt, an adjustment
     * increase, a finished good) fills itself with the next numbers (a preview: the posting issues
     * them, skipping any taken meanwhile).
     */
    private void fillAuto(LineForm line) {
        // the same lines the posting issues auto serials for: every add-mode line but a restock
        if (!line.isAuto() || line.getRequired() == 0
                || !Movement.of(type, line.getRole(), line.signedQuantity()).generatesSerials()) {
            return;
        }
        try {
            line.setSerials(autoSerials.preview(line.getSku().trim(), line.getRequired()), true);
        } catch (RuleViolation cannotPreview) {
            line.setSerials(List.of(), false);
        }
    }

    public void openSerials(int index) {
        LineForm line = lines.get(index);
        // what the modal needs before it can open, said above the lines, naming the line and the field
        if (line.getSku() == null || line.getSku().isBlank()) {
            ScreenMessages.error(null, "Line " + (index + 1) + ": choose the item first.");
            return;
        }
        if (line.getLocation() == null || line.getLocation().isBlank()) {
            ScreenMessages.error(null, "Line " + (index + 1) + ": choose the "
                    + (isWithDestination() ? "From location" : "location") + " first: the serials are entered for it.");
            return;
        }
        if (line.getRequired() == 0) {
            ScreenMessages.error("document:lines:" + index + ":quantity", "Line " + (index + 1)
                    + ": enter a whole quantity first.");
            return;
        }
        modal.open(new SerialModalRequest(Movement.of(type, line.getRole(), line.signedQuantity()),
                line.getSku().trim(), line.getLocation(), line.getRequired(), index, line.getSerials(),
                serialsOnOtherLines(index), line.getLabels()));
    }

    private Map<String, Integer> serialsOnOtherLines(int index) {
        Map<String, Integer> other = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i != index) {
                for (String s : lines.get(i).getSerials()) {
                    other.putIfAbsent(SerialNumber.keyOf(s), i + 1);
                }
            }
        }
        return other;
    }

    @Override
    public void serialsChosen(int line, List<String> serials, Map<String, SerialAttributes> labels) {
        lines.get(line).setSerials(serials, false);
        lines.get(line).setLabels(labels);
        lines.get(line).setProblem(null);
    }

    /** Lines whose serial count does not match their quantity, in words. */
    public List<String> getMismatches() {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineForm l = lines.get(i);
            if (!l.isComplete()) {
                result.add("Line " + (i + 1) + " (" + l.getSku() + "): " + l.getSerials().size() + " of "
                        + l.getRequired() + " serial numbers");
            }
        }
        return result;
    }

    public void save() throws IOException {
        user.requireClerk();
        lines.forEach(l -> l.setProblem(null));
        if (!getMismatches().isEmpty()) {
            ScreenMessages.error("document:save", "Each serial-tracked line needs as many serial numbers as its "
                    + "quantity: " + String.join("; ", getMismatches()));
            return;
        }
        List<LineCommand> commands = new ArrayList<>();
        for (LineForm l : lines) {
            commands.add(new LineCommand(trim(l.getSku()), l.getLocation(), isWithDestination() ? l.getToLocation()
                    : null, l.signedQuantity(), isWithRoles() ? l.getRole() : null,
                    l.isAutoFilled() ? List.of() : l.getSerials(), l.isAutoFilled() ? null : l.intoMap(),
                    isRestock() ? trim(l.getReason()) : null, null, l.isAutoFilled() ? null : l.getLabels()));
        }
        try {
            String named = party == null || party.isBlank() ? null : party.trim();
            Posted posted = posting.post(new DocumentCommand(type, trim(reference), commands,
                    getPartyKind() == PartyKind.SUPPLIER ? named : null,
                    getPartyKind() == PartyKind.CUSTOMER ? named : null, isRestock() ? trim(rma) : null), idempotencyKey);
            FacesContext.getCurrentInstance().getExternalContext().redirect("transaction.xhtml?posted=true&id="
                    + posted.document().id());
        } catch (RuleViolation refused) {
            markLines(refused);
            ScreenMessages.refused(null, refused);
        }
    }

    /** Shows a refusal on the lines whose serials it names, so the clerk sees where to look. */
    private void markLines(RuleViolation refused) {
        Set<String> named = new HashSet<>();
        refused.serials().forEach(s -> named.add(SerialNumber.keyOf(s.trim())));
        for (LineForm l : lines) {
            List<String> mine = l.getSerials().stream().filter(s -> named.contains(SerialNumber.keyOf(s))).toList();
            if (!mine.isEmpty()) {
                l.setProblem(refused.code().title() + ": " + String.join(", ", mine.subList(0, Math.min(20,
                        mine.size()))) + (mine.size() > 20 ? " and " + (mine.size() - 20) + " more" : ""));
            }
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    public String getTitle() {
        return type.label();
    }

    public boolean isWithDestination() {
        return type == DocumentType.TRANSFER || type == DocumentType.RELOCATION;
    }

    public boolean isWithRoles() {
        return !LineRole.of(type).isEmpty();
    }

    public List<LineRole> getRoles() {
        return LineRole.of(type);
    }

    /** The heading of the column where a line says which unit its serials go into. */
    public String getIntoLabel() {
        return type == DocumentType.REPAIR ? "Into unit" : "Into output";
    }

    public boolean isRestock() {
        return type == DocumentType.RESTOCK;
    }

    public String getRma() {
        return rma;
    }

    public void setRma(String rma) {
        this.rma = rma;
    }

    public boolean isAdjustment() {
        return type == DocumentType.ADJUSTMENT;
    }

    public String getTypeParam() {
        return typeParam;
    }

    public void setTypeParam(String typeParam) {
        this.typeParam = typeParam;
    }

    public DocumentType getType() {
        return type;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getParty() {
        return party;
    }

    /** The code typed, or the code of the suggestion chosen ("CODE — Name"). */
    public void setParty(String party) {
        this.party = PartySuggestions.code(party);
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public List<LocationView> getLocations() {
        return locations;
    }

    /**
     * Where a line may go: a transfer stays within the From location's company, a relocation goes
     * to another company's location (the posting refuses anything else; the list does not offer it).
     */
    public List<LocationView> destinationsFor(LineForm line) {
        String from = line.getLocation();
        String company = locations.stream().filter(l -> l.code().equals(from)).map(LocationView::company)
                .findFirst().orElse(null);
        if (company == null) {
            return locations;
        }
        boolean sameCompany = type == DocumentType.TRANSFER;
        return locations.stream().filter(l -> !l.code().equals(from) && l.company().equals(company) == sameCompany)
                .toList();
    }

    /** The From location changed: a To location it no longer allows is cleared. */
    public void fromChanged(int index) {
        LineForm line = lines.get(index);
        if (isWithDestination() && line.getToLocation() != null
                && destinationsFor(line).stream().noneMatch(l -> l.code().equals(line.getToLocation()))) {
            line.setToLocation(null);
        }
    }
}
