package org.serialtracking.format.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.format.control.AutoSerials;
import org.serialtracking.format.control.CounterRepository;
import org.serialtracking.format.control.SerialFormat;
import org.serialtracking.item.entity.Item;
import org.serialtracking.platform.boundary.TimeSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.LongStream;

/** Checks formats and previews the serials an item would get, without taking any number. */
@Stateless
public class AutoSerialService {

    static final int MAX_PREVIEW = 1000;

    @PersistenceContext(unitName = "serial")
    EntityManager em;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @EJB
    TimeSource time;

    /** INVALID_FORMAT (with the position of the problem) for a bad format. */
    public FormatReport validate(FormatCheck check) {
        String sku = check == null || check.sku() == null || check.sku().isBlank() ? null
                : Text.field("sku", check.sku().strip());
        SerialFormat format = SerialFormat.parse(check == null ? null : check.format(), sku);
        ZonedDateTime now = time.now();
        String shown = sku == null ? "SKU" : sku;
        List<String> examples = LongStream.range(format.start(), format.start() + 3)
                .mapToObj(n -> format.render(shown, now, n)).toList();
        return new FormatReport(true, examples, format.warnings());
    }

    public List<String> preview(String sku, Integer count) {
        int n = count == null ? 5 : count;
        if (n < 1 || n > MAX_PREVIEW) {
            throw RuleViolation.invalid("count must be between 1 and " + MAX_PREVIEW);
        }
        Text.field("sku", sku);
        Item item = em.createNamedQuery(Item.BY_SKU, Item.class).setParameter("sku", sku == null ? "" : sku.strip())
                .getResultStream().findFirst().orElseThrow(() -> RuleViolation.notFound("Item", sku));
        if (item.getAutoSerialFormat() == null) {
            throw RuleViolation.invalid("Item " + item.getSku() + " has no auto serial number format");
        }
        SerialFormat format = SerialFormat.parse(item.getAutoSerialFormat(), item.getSku());
        try (Connection c = dataSource.getConnection()) {
            return new AutoSerials(new CounterRepository(c)).preview(item.getId(), item.getSku(), format, time.now(), n);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }
}
