package org.serialtracking.platform.screen;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.serialtracking.common.RuleViolation;

import java.util.List;

/**
 * The one way the screens show what happened. A refused save shows the rule's own sentence (the
 * same one the API gives) and the serials at fault, next to the field it concerns.
 */
public final class ScreenMessages {

    /** At most this many serials are spelled out in one message; the rest are counted. */
    static final int SHOWN_SERIALS = 20;

    private ScreenMessages() {
    }

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text, null);
    }

    public static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text, null);
    }

    public static void refused(String clientId, RuleViolation violation) {
        add(clientId, FacesMessage.SEVERITY_ERROR, violation.code().title(), describe(violation));
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
