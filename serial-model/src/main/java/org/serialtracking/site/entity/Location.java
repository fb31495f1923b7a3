package org.serialtracking.site.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;

/** A warehouse; it belongs to exactly one company. */
@Entity
@NamedQuery(name = Location.BY_CODE, query = "select l from Location l join fetch l.company where l.code = :code")
@NamedQuery(name = Location.ALL, query = "select l from Location l join fetch l.company order by l.code")
public class Location {
    public static final String BY_CODE = "Location.byCode";
    public static final String ALL = "Location.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "company_id")
    private Company company;
    @Version
    private long version;

    protected Location() {
    }

    public Location(String code, String name, Company company) {
        this.code = code;
        this.name = name;
        this.company = company;
    }

    public Long getId() {
        return id;
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
