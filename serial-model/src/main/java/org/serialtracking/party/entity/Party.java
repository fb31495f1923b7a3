package org.serialtracking.party.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import org.serialtracking.common.IdentifiedEntity;
import org.serialtracking.party.PartyKind;

import java.time.OffsetDateTime;

/** A customer or a supplier. Codes are unique per kind. */
@Entity
@NamedQuery(name = Party.BY_CODE, query = "select p from Party p where p.kind = :kind and p.code = :code")
@NamedQuery(name = Party.SEARCH, query = "select p from Party p where p.kind = :kind "
        + "and (lower(p.code) like :p or lower(p.name) like :p) and p.code > :after order by p.code")
public class Party extends IdentifiedEntity {
    public static final String BY_CODE = "Party.byCode";
    /** Parties of :kind whose code or name contains :p (lower case, a LIKE pattern), after the code :after. */
    public static final String SEARCH = "Party.search";

    @Enumerated(EnumType.STRING)
    private PartyKind kind;
    private String code;
    private String name;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected Party() {
    }

    public Party(PartyKind kind, String code, String name) {
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.createdAt = OffsetDateTime.now();
    }

    public PartyKind getKind() {
        return kind;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
