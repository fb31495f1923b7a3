package org.serialtracking.party.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.party.PartyKind;
import org.serialtracking.party.PartyView;
import org.serialtracking.party.entity.Party;

import java.util.Optional;

/** Customers and suppliers: codes unique per kind, searchable by code or name, keyset-paged by code. */
@Stateless
public class PartyService {

    static final int MAX_CODE = 40;

    @PersistenceContext(unitName = "serial")
    EntityManager em;

    @EJB
    AuditLog audit;

    public PartyView create(PartyKind kind, PartyView wanted) {
        String code = Text.newCode(kind.word(), wanted == null ? null : wanted.code(), MAX_CODE);
        String name = Text.name(kind.word() + " name", wanted.name(), code);
        if (find(kind, code).isPresent()) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, capitalised(kind) + " '" + code + "' already exists");
        }
        Party p = new Party(kind, code, name);
        em.persist(p);
        em.flush();
        audit.record(kind == PartyKind.CUSTOMER ? AuditLog.Action.CUSTOMER_CREATED : AuditLog.Action.SUPPLIER_CREATED,
                code, name);
        return view(p);
    }

    public PartyView get(PartyKind kind, String code) {
        Text.code(kind.word(), code);
        String c = code == null ? "" : code.strip();
        return find(kind, c).map(PartyService::view).orElseThrow(() -> RuleViolation.notFound(capitalised(kind), c));
    }

    /** Parties whose code or name contains {@code q} (any case), by code, after the cursor {@code after}. */
    public Page<PartyView> search(PartyKind kind, String q, Integer limit, String after) {
        Text.field("q", q);
        int size = Cursor.limit(limit);
        String from = Cursor.decode(after);
        String pattern = q == null || q.isBlank() ? "%" : "%" + Text.likeEscape(q.strip().toLowerCase()) + "%";
        Page<Party> page = Page.of(em.createNamedQuery(Party.SEARCH, Party.class).setParameter("kind", kind)
                .setParameter("p", pattern).setParameter("after", from == null ? "" : from)
                .setMaxResults(size + 1).getResultList(), size, Party::getCode);
        return new Page<>(page.items().stream().map(PartyService::view).toList(), page.next());
    }

    private Optional<Party> find(PartyKind kind, String code) {
        return em.createNamedQuery(Party.BY_CODE, Party.class).setParameter("kind", kind).setParameter("code", code)
                .getResultStream().findFirst();
    }

    private static PartyView view(Party p) {
        return new PartyView(p.getCode(), p.getName());
    }

    private static String capitalised(PartyKind kind) {
        return Character.toUpperCase(kind.word().charAt(0)) + kind.word().substring(1);
    }
}
