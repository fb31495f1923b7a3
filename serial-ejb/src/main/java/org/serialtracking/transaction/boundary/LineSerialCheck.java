package org.serialtracking.transaction.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.serial.SerialView;
import org.serialtracking.transaction.control.Movement;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The screens' question before a document is posted: may this line take these serials? Answered by
 * the line's {@link Movement} ({@link Movement#refusal}), the same verdict the posting gives under
 * its locks; a screen shows it and never decides by itself.
 */
@Stateless
public class LineSerialCheck {

    @EJB
    SerialQueryService serials;

    /**
     * One serial of the line, judged.
     *
     * @param refusal why the posting would refuse it (DUPLICATE_SERIAL, SERIAL_NOT_RETURNABLE,
     *                SERIAL_NOT_AVAILABLE), or {@code null} when the line may take it
     * @param found   the serial as the system has it, or {@code null} when it is unknown
     */
    public record Verdict(ErrorCode refusal, SerialView found) {
    }

    /**
     * Judges the valid serials among {@code serials} (invalid ones are the caller's to name) for a line
     * of the given movement, item and location, by case-insensitive key.
     */
    public Map<String, Verdict> judge(Movement movement, String sku, String location, Collection<String> serials) {
        Map<String, SerialView> known = new HashMap<>();
        for (SerialView v : this.serials.known(serials)) {
            known.put(SerialNumber.keyOf(v.serial()), v);
        }
        Map<String, Verdict> verdicts = new HashMap<>();
        for (String s : serials) {
            if (s == null || SerialNumber.problemWith(s.strip()).isPresent()) {
                continue;
            }
            String key = SerialNumber.keyOf(s.strip());
            SerialView v = known.get(key);
            Movement.Found found = v == null ? null : new Movement.Found(v.status(), v.sku().equals(sku),
                    v.status() == SerialStatus.IN_STOCK && v.location() != null && v.location().equals(location));
            verdicts.put(key, new Verdict(movement.refusal(found).orElse(null), v));
        }
        return verdicts;
    }
}
