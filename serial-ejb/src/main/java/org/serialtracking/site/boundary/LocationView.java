package org.serialtracking.site.boundary;

/** A location; {@code company} is the company's code. */
public record LocationView(String code, String name, String company) implements java.io.Serializable {
}
