package org.serialtracking.item.screen;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.serial.SerialAttributes;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.entry.screen.SerialModal;
import org.serialtracking.entry.screen.SerialModalOwner;
import org.serialtracking.entry.screen.SerialModalRequest;
import org.serialtracking.transaction.control.Movement;
import org.serialtracking.format.boundary.AutoSerialService;
import org.serialtracking.format.boundary.FormatCheck;
import org.serialtracking.format.boundary.FormatReport;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.item.boundary.InitialStock;
import org.serialtracking.item.boundary.ItemCommand;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.ItemView;
import org.serialtracking.item.boundary.OnHand;
import org.serialtracking.item.boundary.SerialInitialization;
import org.serialtracking.platform.screen.CurrentUser;
import org.serialtracking.platform.screen.ScreenMessages;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.settings.boundary.SettingsView;
import org.serialtracking.site.boundary.LocationView;
import org.serialtracking.site.boundary.SiteService;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Add / Edit item. General: SKU, name and (new items) initial stock. Inventory: serial tracking,
 * the auto serial number format with live validation and a preview, the initial stock's serials,
 * and, for an item whose tracking was just turned on, loading serials for the stock on hand.
 */
@Named
@ViewScoped
public class ItemScreen implements Serializable, SerialModalOwner {

    /** The one serial list of the item screen: the initial stock's, or the location being initialised. */
    private static final int INITIAL_LINE = 0;

    @Inject
    ItemService items;

    @Inject
    AutoSerialService autoSerials;

    @Inject
    SiteService sites;

    @Inject
    SettingsService settings;

    @Inject
    SerialModal modal;

    @Inject
    CurrentUser user;

    private String skuParam;
    private boolean created;
    private ItemView saved;
    private String sku;
    private String name;
    private String gtin;
    private boolean trackSerials;
    private boolean autoSerialNumber;
    private String autoSerialFormat;
    private BigDecimal initialQuantity;
    private String initialLocation;
    private List<String> initialSerials = List.of();
    private FormatReport formatReport;
    private String formatProblem;
    private List<String> nextSerials = List.of();
    private String initializingLocation;
    private List<LocationView> locations;
    /** the platform switches as the page was opened (read once, not on every expression) */
    private SettingsView platform;
    private int activeTab;

    /**
     * f:viewAction: loads the item named in the address, or starts a new one (only an admin may:
     * anyone else is sent to the items list).
     */
    public void load() throws java.io.IOException {
        if ((skuParam == null || skuParam.isBlank()) && !user.isAdmin()) {
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/forbidden.xhtml");
            return;
        }
        locations = sites.locations();
        platform = settings.get();
        if (skuParam != null && !skuParam.isBlank()) {
            try {
                show(items.get(skuParam));
            } catch (RuleViolation notFound) {
                ScreenMessages.refused(null, notFound);
            }
        }
        checkFormat();
    }

    private void show(ItemView item) {
        saved = item;
        sku = item.sku();
        name = item.name();
        gtin = item.gtin();
        trackSerials = item.trackSerials();
        autoSerialNumber = item.autoSerialNumber();
        autoSerialFormat = item.autoSerialFormat();
        nextSerials = List.of();
        if (item.autoSerialNumber() && item.autoSerialFormat() != null) {
            try {
                nextSerials = autoSerials.preview(item.sku(), 5);
            } catch (RuleViolation ignored) {
                nextSerials = List.of();
            }
        }
    }

    /** Live validation of the format: the error with its position, the warnings and examples. */
    public void checkFormat() {
        formatReport = null;
        formatProblem = null;
        if (autoSerialFormat == null || autoSerialFormat.isBlank()) {
            return;
        }
        try {
            formatReport = autoSerials.validate(new FormatCheck(autoSerialFormat, sku));
        } catch (RuleViolation invalid) {
            formatProblem = invalid.getMessage();
        }
    }

    public void trackingChanged() {
        if (!trackSerials) {
            autoSerialNumber = false;
            initialSerials = List.of();
        }
    }

    public void save() throws IOException {
        user.requireAdmin();
        try {
            if (isCreating()) {
                InitialStock initial = initialQuantity == null || initialQuantity.signum() == 0 ? null
                        : new InitialStock(initialLocation, initialQuantity, initialSerials);
                ItemView created = items.create(new ItemCommand(sku, name, trackSerials, autoSerialNumber,
                        formatOrClear(), initial, null, null, blankToNull(gtin)));
                FacesContext.getCurrentInstance().getExternalContext().redirect("item.xhtml?created=true&sku="
                        + java.net.URLEncoder.encode(created.sku(), java.nio.charset.StandardCharsets.UTF_8));
            } else {
                show(items.update(saved.sku(), new ItemCommand(null, name, trackSerials, autoSerialNumber,
                        formatOrClear(), null, saved.version(), null, gtin == null ? "" : gtin)));
                ScreenMessages.info("Item saved.");
            }
        } catch (RuleViolation refused) {
            ScreenMessages.refused(fieldOf(refused), refused);
        }
    }

    private String fieldOf(RuleViolation refused) {
        return switch (refused.code()) {
            case INVALID_FORMAT -> "item:tabs:format";
            case INVALID_GTIN, ALREADY_EXISTS -> refused.getMessage().contains("GTIN") ? "item:tabs:gtin" : null;
            case SERIAL_COUNT_MISMATCH, DUPLICATE_SERIAL, INVALID_SERIAL, DUPLICATE_IN_DOCUMENT -> "item:tabs:initialSerials";
            default -> null;
        };
    }

    // ----- the serial number modal -----

    public void openInitialSerials() {
        if (initialQuantity == null || initialQuantity.signum() <= 0 || initialQuantity.stripTrailingZeros().scale() > 0) {
            ScreenMessages.error("item:tabs:initialSerials", "Enter a whole initial stock quantity first.");
            return;
        }
        initializingLocation = null;
        // the item's initial stock posts as an adjustment increase
        modal.open(new SerialModalRequest(Movement.ADJUST_IN, sku, initialLocation,
                initialQuantity.intValueExact(), INITIAL_LINE, initialSerials, Map.of()));
    }

    /** "Adjust Stock" of an item whose tracking was turned on with stock on hand: serials for that stock. */
    public void openInitialization(OnHand onHand) {
        initializingLocation = onHand.location();
        modal.open(new SerialModalRequest(Movement.INITIALIZE, saved.sku(), onHand.location(),
                onHand.quantity().intValue(), INITIAL_LINE, List.of(), Map.of()));
    }

    @Override
    public void serialsChosen(int line, List<String> serials, Map<String, SerialAttributes> labels) {
        if (initializingLocation == null) {
            initialSerials = serials;
            return;
        }
        try {
            user.requireClerk();
            show(items.initializeSerials(saved.sku(), new SerialInitialization(initializingLocation, serials, labels)));
            ScreenMessages.info(serials.size() + " serial(s) loaded for " + initializingLocation + ".");
        } catch (RuleViolation refused) {
            ScreenMessages.refused(null, refused);
        } finally {
            initializingLocation = null;
        }
    }

    // ----- what the page shows -----

    /** The open tab survives the form's updates. */
    public void tabChanged(org.primefaces.event.TabChangeEvent<?> event) {
        activeTab = event.getIndex();
    }

    public int getActiveTab() {
        return activeTab;
    }

    public void setActiveTab(int activeTab) {
        this.activeTab = activeTab;
    }

    public boolean isCreating() {
        return saved == null;
    }

    public boolean isEditable() {
        return user.isAdmin();
    }

    public boolean isPlatformTracking() {
        return platform.serialTracking();
    }

    public boolean isPlatformAuto() {
        return platform.autoSerialNumber();
    }

    public boolean isNotInitialized() {
        return saved != null && saved.serialStatus() == SerialState.NOT_INITIALIZED;
    }

    public List<OnHand> getUninitialized() {
        return saved == null ? List.of() : saved.onHand().stream().filter(o -> !o.serialsInitialized()).toList();
    }

    public List<OnHand> getOnHand() {
        return saved == null ? List.of() : saved.onHand();
    }

    public String getInitialSerialsState() {
        if (initialQuantity == null || initialQuantity.signum() == 0) {
            return "no initial stock";
        }
        return initialSerials.size() + " / " + initialQuantity.intValue();
    }

    public boolean isInitialSerialsComplete() {
        return initialQuantity == null || initialSerials.size() == initialQuantity.intValue();
    }

    public String getFormatExamples() {
        return formatReport == null ? "" : String.join(", ", formatReport.examples());
    }

    /** The format as typed; empty clears it (the service strips it, and treats blank as none). */
    private String formatOrClear() {
        return autoSerialFormat == null ? "" : autoSerialFormat;
    }

    public boolean isCreated() {
        return created && saved != null;
    }

    public void setCreated(boolean created) {
        this.created = created;
    }

    public String getSkuParam() {
        return skuParam;
    }

    public void setSkuParam(String skuParam) {
        this.skuParam = skuParam;
    }

    public ItemView getSaved() {
        return saved;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getGtin() {
        return gtin;
    }

    public void setGtin(String gtin) {
        this.gtin = gtin;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isTrackSerials() {
        return trackSerials;
    }

    public void setTrackSerials(boolean trackSerials) {
        this.trackSerials = trackSerials;
    }

    public boolean isAutoSerialNumber() {
        return autoSerialNumber;
    }

    public void setAutoSerialNumber(boolean autoSerialNumber) {
        this.autoSerialNumber = autoSerialNumber;
    }

    public String getAutoSerialFormat() {
        return autoSerialFormat;
    }

    public void setAutoSerialFormat(String autoSerialFormat) {
        this.autoSerialFormat = autoSerialFormat;
    }

    public BigDecimal getInitialQuantity() {
        return initialQuantity;
    }

    public void setInitialQuantity(BigDecimal initialQuantity) {
        this.initialQuantity = initialQuantity;
    }

    public String getInitialLocation() {
        return initialLocation;
    }

    public void setInitialLocation(String initialLocation) {
        this.initialLocation = initialLocation;
    }

    public List<String> getInitialSerials() {
        return initialSerials;
    }

    public FormatReport getFormatReport() {
        return formatReport;
    }

    public String getFormatProblem() {
        return formatProblem;
    }

    public List<String> getNextSerials() {
        return nextSerials;
    }

    public String getNextSerialsText() {
        return String.join(", ", nextSerials);
    }

    public List<LocationView> getLocations() {
        return locations;
    }
}
