package org.serialtracking.ledger.screen;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.ledger.boundary.ConsistencyCheck;
import org.serialtracking.ledger.boundary.ConsistencyReport;
import org.serialtracking.platform.screen.CurrentUser;

import java.io.Serializable;
import java.util.Map;

/** Runs the consistency check for an administrator and shows what it found. */
@Named
@ViewScoped
public class LedgerCheckScreen implements Serializable {

    @Inject
    ConsistencyCheck check;

    @Inject
    CurrentUser user;

    private ConsistencyReport report;

    public void check() {
        user.requireAdmin();
        report = check.run();
    }

    public ConsistencyReport getReport() {
        return report;
    }

    /** One line for the result, in a clerk's words. */
    public String getSummary() {
        if (report == null) {
            return null;
        }
        String took = String.format("%.1f s", report.millis() / 1000.0);
        if (report.consistent()) {
            return "The ledger agrees with itself: " + report.violationsByRule().size() + " rules checked, "
                    + "no disagreement found (" + took + ").";
        }
        long total = report.violationsByRule().values().stream().mapToLong(Long::longValue).sum();
        long rules = report.violationsByRule().values().stream().filter(n -> n > 0).count();
        return total + " disagreement(s) found under " + rules + " rule(s) (" + took + "); the first of each are listed.";
    }

    public Map<String, Long> getViolationsByRule() {
        return report == null ? Map.of() : report.violationsByRule();
    }
}
