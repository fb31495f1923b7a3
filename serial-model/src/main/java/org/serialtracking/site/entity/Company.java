package org.serialtracking.site.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import org.serialtracking.common.IdentifiedEntity;

@Entity
@NamedQuery(name = Company.BY_CODE, query = "select c from Company c where c.code = :code")
@NamedQuery(name = Company.ALL, query = "select c from Company c order by c.code")
public class Company extends IdentifiedEntity {
    public static final String BY_CODE = "Company.byCode";
    public static final String ALL = "Company.all";

    private String code;
    private String name;

    protected Company() {
    }

    public Company(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
