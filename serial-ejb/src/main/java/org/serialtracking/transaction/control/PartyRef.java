package org.serialtracking.transaction.control;

import org.serialtracking.party.PartyKind;

/** The party a document names: its kind (what the document type takes) and its code, stripped. */
public record PartyRef(PartyKind kind, String code) {
}
