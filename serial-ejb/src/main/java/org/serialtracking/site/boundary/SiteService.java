package org.serialtracking.site.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.site.entity.Company;
import org.serialtracking.site.entity.Location;

import java.util.List;
import java.util.Optional;

/** Companies and their locations. */
@Stateless
public class SiteService {

    static final int MAX_CODE = 40;

    @PersistenceContext(unitName = "serial")
    EntityManager em;

    @EJB
    AuditLog audit;

    public CompanyView createCompany(CompanyView wanted) {
        String code = code(wanted == null ? null : wanted.code(), "company");
        String name = Text.name("company name", wanted.name(), code);
        if (company(code).isPresent()) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Company '" + code + "' already exists");
        }
        Company c = new Company(code, name);
        em.persist(c);
        em.flush();
        audit.record(AuditLog.Action.COMPANY_CREATED, code, name);
        return new CompanyView(c.getCode(), c.getName());
    }

    public List<CompanyView> companies() {
        return em.createNamedQuery(Company.ALL, Company.class).getResultList().stream()
                .map(c -> new CompanyView(c.getCode(), c.getName())).toList();
    }

    public LocationView createLocation(LocationView wanted) {
        String code = code(wanted == null ? null : wanted.code(), "location");
        String name = Text.name("location name", wanted.name(), code);
        if (wanted.company() == null || wanted.company().isBlank()) {
            throw RuleViolation.invalid("company is required: every location belongs to one company");
        }
        Text.code("company", wanted.company());
        Company company = company(wanted.company().strip())
                .orElseThrow(() -> RuleViolation.notFound("Company", wanted.company().strip()));
        if (!em.createNamedQuery(Location.BY_CODE, Location.class).setParameter("code", code).getResultList()
                .isEmpty()) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Location '" + code + "' already exists");
        }
        Location l = new Location(code, name, company);
        em.persist(l);
        em.flush();
        audit.record(AuditLog.Action.LOCATION_CREATED, code, name + " in " + company.getCode());
        return view(l);
    }

    public List<LocationView> locations() {
        return em.createNamedQuery(Location.ALL, Location.class).getResultList().stream()
                .map(SiteService::view).toList();
    }

    private Optional<Company> company(String code) {
        return em.createNamedQuery(Company.BY_CODE, Company.class).setParameter("code", code).getResultStream()
                .findFirst();
    }

    private static LocationView view(Location l) {
        return new LocationView(l.getCode(), l.getName(), l.getCompany().getCode());
    }

    static String code(String raw, String what) {
        return Text.newCode(what, raw, MAX_CODE);
    }
}
