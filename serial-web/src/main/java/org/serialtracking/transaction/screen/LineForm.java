package org.serialtracking.transaction.screen;

import org.serialtracking.serial.SerialAttributes;
import org.serialtracking.transaction.LineRole;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One line of a document being entered, as the form holds it. */
public class LineForm implements Serializable {

    private String sku;
    private String location;
    private String toLocation;
    private BigDecimal quantity;
    /** adjustments only: increase (true) or decrease */
    private boolean increase = true;
    private LineRole role;
    /** a build's component line: the output serial its serials went into; a repair's INSTALL line: the unit */
    private String into;
    /** a return's line: why the customer sent it back */
    private String reason;
    private List<String> serials = List.of();
    private Map<String, SerialAttributes> labels = Map.of();
    /** the serials are the auto serial preview: the posting generates them for real */
    private boolean autoFilled;
    private boolean tracked;
    private boolean auto;
    private String problem;

    LineForm(LineRole role) {
        this.role = role;
    }

    /** The quantity with its sign: an adjustment's decrease is negative. */
    BigDecimal signedQuantity() {
        return quantity == null ? null : increase ? quantity : quantity.negate();
    }

    /** Whole number of serials this line needs (0 when untracked or not a whole quantity). */
    public int getRequired() {
        if (!tracked || quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            return 0;
        }
        return quantity.intValue();
    }

    public boolean isComplete() {
        return !tracked || (quantity != null && serials.size() == getRequired() && getRequired() > 0);
    }

    public String getSerialState() {
        return serials.size() + " / " + getRequired();
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getToLocation() {
        return toLocation;
    }

    public void setToLocation(String toLocation) {
        this.toLocation = toLocation;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public boolean isIncrease() {
        return increase;
    }

    public void setIncrease(boolean increase) {
        this.increase = increase;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getInto() {
        return into;
    }

    public void setInto(String into) {
        this.into = into;
    }

    /** The assignment of every serial of the line to its unit, when the line names one. */
    java.util.Map<String, String> intoMap() {
        if (into == null || into.isBlank() || (role != LineRole.COMPONENT && role != LineRole.INSTALL)) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        serials.forEach(s -> map.put(s, into.strip()));
        return map;
    }

    public LineRole getRole() {
        return role;
    }

    public void setRole(LineRole role) {
        this.role = role;
    }

    public List<String> getSerials() {
        return serials;
    }

    void setSerials(List<String> serials, boolean autoFilled) {
        this.serials = List.copyOf(serials);
        this.autoFilled = autoFilled;
        this.labels = Map.of();
    }

    /** The lot and expiry GS1 labels gave some of the serials, by serial. */
    public Map<String, SerialAttributes> getLabels() {
        return labels;
    }

    void setLabels(Map<String, SerialAttributes> labels) {
        this.labels = Map.copyOf(labels);
    }

    public boolean isAutoFilled() {
        return autoFilled;
    }

    public boolean isTracked() {
        return tracked;
    }

    void setItemFlags(boolean tracked, boolean auto) {
        this.tracked = tracked;
        this.auto = auto;
    }

    public boolean isAuto() {
        return auto;
    }

    public String getProblem() {
        return problem;
    }

    void setProblem(String problem) {
        this.problem = problem;
    }
}
