package org.serialtracking.party;

/** A customer or a supplier as the API shows it and takes it. */
public record PartyView(String code, String name) implements java.io.Serializable {
}
