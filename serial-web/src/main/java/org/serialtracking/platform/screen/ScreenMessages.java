package org.serialtracking.platform.screen;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.serialtracking.common.RuleViolation;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the screens show what happened. A refused save shows the rule's own sentence (the
 * same one the API gives) and the serials at fault, next to the field it concerns.
 */
public final class ScreenMessages {

    /** At most this many serials are spelled out in one message; the rest are counted. */
    static final int SHOWN_SERIALS = 20;

    private ScreenMessages() {
    }

    /**
     * The API's field names, as a clerk calls them. A rule's sentence starting with one (as the API
     * says it, e.g. "initialStock.location is required") reads "The initial stock's location is required"
     * on screen; "line 2: " reads "Line 2: ".
     */
    private static final Map<String, String> FIELD_WORDS = Map.ofEntries(
            Map.entry("initialStock.location", "The initial stock's location"),
            Map.entry("initialStock.quantity", "The initial stock's quantity"),
            Map.entry("initialStock.serials", "The initial stock's serial numbers"),
            Map.entry("initialStock", "Initial stock"),
            Map.entry("toLocation", "The To location"),
            Map.entry("location", "The location"),
            Map.entry("sku", "The SKU"),
            Map.entry("name", "The name"),
            Map.entry("quantity", "The quantity"),
            Map.entry("serials", "The serial numbers"),
            Map.entry("reference", "The reference"),
            Map.entry("code", "The code"),
            Map.entry("company", "The company"),
            Map.entry("autoSerialFormat", "The auto serial format"));
    private static final Pattern FIELD_FIRST = Pattern.compile("^((?:[Ll]ine \\d+: )?)([a-zA-Z.]+)(?= (?:is|are|must|may|has|needs) )");

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text, "");
    }

    /**
     * An error in words, once: above the form (clientId null) or next to its field (in the detail,
     * which is what a field's p:message shows; a form's p:messages shows it once too).
     */
    public static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, clientId == null ? text : "", clientId == null ? "" : text);
    }

    public static void refused(String clientId, RuleViolation violation) {
        add(clientId, FacesMessage.SEVERITY_ERROR, violation.code().title(), inWords(describe(violation)));
    }

    /** A rule's sentence with the API's field names in a clerk's words (see {@link #FIELD_WORDS}). */
    static String inWords(String sentence) {
        Matcher m = FIELD_FIRST.matcher(sentence);
        String result = sentence;
        if (m.find() && FIELD_WORDS.containsKey(m.group(2))) {
            String words = FIELD_WORDS.get(m.group(2));
            if (!m.group(1).isEmpty()) {
                words = Character.toLowerCase(words.charAt(0)) + words.substring(1);
            }
            result = m.group(1) + words + sentence.substring(m.end());
        }
        return result.startsWith("line ") ? "L" + result.substring(1) : result;
    }

    /** The rule's sentence followed by the serials at fault, shortened past {@value #SHOWN_SERIALS}. */
    public static String describe(RuleViolation violation) {
        String detail = violation.getMessage() == null ? violation.code().title() : violation.getMessage();
        List<String> serials = violation.serials();
        if (serials.isEmpty() || detail.contains(serials.get(0))) {
            return detail;
        }
        return detail + (detail.endsWith(".") ? " " : ". ") + "Serials: " + listed(serials);
    }

    static String listed(List<String> serials) {
        if (serials.size() <= SHOWN_SERIALS) {
            return String.join(", ", serials);
        }
        return String.join(", ", serials.subList(0, SHOWN_SERIALS)) + " and " + (serials.size() - SHOWN_SERIALS)
                + " more";
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(severity, summary, detail));
        if (severity == FacesMessage.SEVERITY_ERROR) {
            faces.validationFailed();
        }
    }
}
