package org.serialtracking.gs1;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a GS1 scan says, valid by construction of {@link Gs1#parse}: the four elements the
 * application reads, each null when the scan does not carry it, and every element in scan order.
 *
 * @param gtin     AI (01), the trade item (not (02), which names the items inside a logistic unit)
 * @param serial   AI (21)
 * @param lot      AI (10), the batch or lot
 * @param expiry   AI (17), the last day of use: a day written as 00 is the last day of its month
 * @param elements each AI once, in the order the scan gave them (a repeated AI with the same data is
 *                 kept at its first place)
 */
public record Gs1Data(Gtin gtin, String serial, String lot, LocalDate expiry, List<Gs1Element> elements) {

    public Gs1Data {
        elements = List.copyOf(elements);
    }

    /** The data of an AI ({@code "21"}, {@code "3103"}), if the scan carries it. */
    public Optional<String> value(String ai) {
        return elements.stream().filter(e -> Objects.equals(e.ai(), ai)).map(Gs1Element::value).findFirst();
    }
}
