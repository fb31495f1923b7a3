package org.serialtracking.party.screen;

import org.serialtracking.party.PartyView;

/**
 * How a party is suggested in a search box ("CODE — Name") and what a chosen or typed text names:
 * the code. The screens that take a customer or supplier share it.
 */
public final class PartySuggestions {

    static final String SEPARATOR = " — ";

    private PartySuggestions() {
    }

    public static String label(PartyView party) {
        return party.code() + SEPARATOR + party.name();
    }

    /** The code typed, or the code of the suggestion chosen; null stays null. */
    public static String code(String text) {
        int named = text == null ? -1 : text.indexOf(SEPARATOR);
        return named < 0 ? text : text.substring(0, named);
    }
}
