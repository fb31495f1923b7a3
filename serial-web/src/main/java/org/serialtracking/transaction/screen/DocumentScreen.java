package org.serialtracking.transaction.screen;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.label.LabelPreset;
import org.serialtracking.label.boundary.LabelService;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.entry.boundary.SerialEntryService;
import org.serialtracking.entry.boundary.SerialList;
import org.serialtracking.entry.control.SerialRange;
import org.serialtracking.platform.screen.CurrentUser;
import org.serialtracking.platform.screen.ScreenMessages;
import org.serialtracking.transaction.boundary.CancellationService;
import org.serialtracking.transaction.boundary.DocumentQueryService;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.LineView;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A posted document, read only: number, lines and their serials as collapsed ranges. Used by the
 * document page and by the nested modal of the serial history.
 */
@Named
@ViewScoped
public class DocumentScreen implements Serializable {

    @Inject
    DocumentQueryService documents;

    @Inject
    CancellationService cancellation;

    @Inject
    SerialEntryService entry;

    @Inject
    CurrentUser user;

    private Long id;
    private boolean posted;
    private DocumentView document;
    private LabelPreset labelPreset = LabelService.DEFAULT_PRESET;
    private final Map<Integer, List<SerialRange>> ranges = new HashMap<>();

    /** f:viewAction of the page */
    public void load() {
        if (id != null) {
            show(id);
        }
    }

    public void show(long documentId) {
        ranges.clear();
        document = null;
        try {
            document = documents.get(documentId);
            for (LineView line : document.lines()) {
                ranges.put(line.lineNo(), line.serials().isEmpty() ? List.of()
                        : entry.collapse(new SerialList(line.serials())).ranges());
            }
        } catch (RuleViolation notFound) {
            ScreenMessages.refused(null, notFound);
        }
    }

    public void cancelDocument() {
        user.requireClerk();
        try {
            cancellation.cancel(document.id());
            show(document.id());
            ScreenMessages.info(document.number() + " cancelled: its stock and serial moves are reversed.");
        } catch (RuleViolation refused) {
            ScreenMessages.refused(null, refused);
        }
    }

    public List<SerialRange> rangesOf(LineView line) {
        return ranges.getOrDefault(line.lineNo(), List.of());
    }

    public boolean isCancellable() {
        return document != null && document.cancelledAt() == null && user.isClerk()
                && document.type() != org.serialtracking.transaction.DocumentType.SERIAL_INIT;
    }

    public boolean isPosted() {
        return posted && document != null;
    }

    public void setPosted(boolean posted) {
        this.posted = posted;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public DocumentView getDocument() {
        return document;
    }

    // ----- labels -----

    /** Labels can be printed for a document that moved serials. */
    public boolean isLabelled() {
        return document != null && document.lines().stream().anyMatch(l -> !l.serials().isEmpty());
    }

    public String getLabelPreset() {
        return labelPreset.name();
    }

    public void setLabelPreset(String preset) {
        this.labelPreset = LabelService.preset(preset);
    }

    /** The PDF of the document's labels on the chosen sheets or roll (the API's download). */
    public String getLabelsUrl() {
        return "api/transactions/" + document.id() + "/labels.pdf?preset=" + labelPreset.name();
    }
}
