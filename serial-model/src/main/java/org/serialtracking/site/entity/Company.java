package org.serialtracking.site.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;

@Entity
@NamedQuery(name = Company.BY_CODE, query = "select c from Company c where c.code = :code")
@NamedQuery(name = Company.ALL, query = "select c from Company c order by c.code")
public class Company {
    public static final String BY_CODE = "Company.byCode";
    public static final String ALL = "Company.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Version
    private long version;

    protected Company() {
    }

    public Company(String code, String name) {
        this.code = code;
        this.name = name;
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
}
