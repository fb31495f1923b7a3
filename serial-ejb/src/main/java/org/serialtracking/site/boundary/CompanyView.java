package org.serialtracking.site.boundary;

public record CompanyView(String code, String name) implements java.io.Serializable {
}
