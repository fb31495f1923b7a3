package org.serialtracking.site.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import org.serialtracking.common.IdentifiedEntity;

/** A warehouse; it belongs to exactly one company. */
@Entity
@NamedQuery(name = Location.BY_CODE, query = "select l from Location l join fetch l.company where l.code = :code")
@NamedQuery(name = Location.ALL, query = "select l from Location l join fetch l.company order by l.code")
public class Location extends IdentifiedEntity {
    public static final String BY_CODE = "Location.byCode";
    public static final String ALL = "Location.all";

    private String code;
    private String name;
    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "company_id")
    private Company company;

    protected Location() {
    }

    public Location(String code, String name, Company company) {
        this.code = code;
        this.name = name;
        this.company = company;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Company getCompany() {
        return company;
    }
}
