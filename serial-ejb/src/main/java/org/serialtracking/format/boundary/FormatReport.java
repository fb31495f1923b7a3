package org.serialtracking.format.boundary;

import java.util.List;

/** A valid format: the first serials it would render now, and what is worth knowing about it. */
public record FormatReport(boolean valid, List<String> examples, List<String> warnings) implements java.io.Serializable {
}
