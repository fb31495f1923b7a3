package org.serialtracking.entry.control;

import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serials in the order first seen, without duplicates as the database sees them (case-insensitive,
 * {@link SerialNumber#key()}): the first spelling stays, later ones are counted. Refuses to hold more
 * than {@code max}.
 */
final class UniqueSerials {

    private final int max;
    private final Supplier<RuleViolation> tooMany;
    private final List<String> serials = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private int duplicates;

    UniqueSerials(int max, Supplier<RuleViolation> tooMany) {
        this.max = max;
        this.tooMany = tooMany;
    }

    /** Adds a valid, trimmed serial unless an equal one is already in. */
    void add(String serial) {
        if (!keys.add(new SerialNumber(serial).key())) {
            duplicates++;
            return;
        }
        if (serials.size() >= max) {
            throw tooMany.get();
        }
        serials.add(serial);
    }

    List<String> serials() {
        return Collections.unmodifiableList(serials);
    }

    int duplicates() {
        return duplicates;
    }
}
