package org.serialtracking.it.ejb;

import org.serialtracking.common.RuleViolation;
import org.serialtracking.item.boundary.InitialStock;
import org.serialtracking.item.boundary.ItemCommand;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.site.boundary.CompanyView;
import org.serialtracking.site.boundary.LocationView;
import org.serialtracking.site.boundary.SiteService;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.LineCommand;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A fresh little world per test: two companies, two locations in the first and one in the second,
 * all with unique codes, so tests never see each other's data.
 */
public final class World {

    public final String company;
    public final String otherCompany;
    public final String wh1;
    public final String wh2;
    public final String foreign;

    private World(String company, String otherCompany, String wh1, String wh2, String foreign) {
        this.company = company;
        this.otherCompany = otherCompany;
        this.wh1 = wh1;
        this.wh2 = wh2;
        this.foreign = foreign;
    }

    public static World create(SiteService sites) {
        String c1 = TestData.unique("CO");
        String c2 = TestData.unique("CO");
        sites.createCompany(new CompanyView(c1, "Company " + c1));
        sites.createCompany(new CompanyView(c2, "Company " + c2));
        World w = new World(c1, c2, TestData.unique("WH"), TestData.unique("WH"), TestData.unique("WH"));
        sites.createLocation(new LocationView(w.wh1, "Main", c1));
        sites.createLocation(new LocationView(w.wh2, "Second", c1));
        sites.createLocation(new LocationView(w.foreign, "Other company's", c2));
        return w;
    }

    public static String trackedItem(ItemService items) {
        String sku = TestData.unique("SKU");
        items.create(new ItemCommand(sku, "Tracked " + sku, true, null, null, null, null, null, null));
        return sku;
    }

    public static String untrackedItem(ItemService items, String location, String quantity) {
        String sku = TestData.unique("BULK");
        items.create(new ItemCommand(sku, "Untracked " + sku, false, null, null,
                quantity == null ? null : new InitialStock(location, new BigDecimal(quantity), null), null, null, null));
        return sku;
    }

    public static DocumentCommand doc(DocumentType type, LineCommand... lines) {
        return DocumentCommand.of(type, "test", List.of(lines));
    }

    public static LineCommand line(String sku, String location, int quantity, String... serials) {
        return LineCommand.of(sku, location, null, BigDecimal.valueOf(quantity), null, List.of(serials));
    }

    public static LineCommand move(String sku, String from, String to, int quantity, String... serials) {
        return LineCommand.of(sku, from, to, BigDecimal.valueOf(quantity), null, List.of(serials));
    }

    public static LineCommand built(LineRole role, String sku, String location, int quantity, String... serials) {
        return LineCommand.of(sku, location, null, BigDecimal.valueOf(quantity), role, List.of(serials));
    }

    /** Serials unique to one test. */
    public static String[] serials(int count) {
        String prefix = TestData.unique("SN");
        String[] s = new String[count];
        for (int i = 0; i < count; i++) {
            s[i] = prefix + "-" + (i + 1);
        }
        return s;
    }

    public static RuleViolation refused(Callable<?> call) {
        return assertThrows(RuleViolation.class, call::call);
    }
}
