package org.serialtracking.epcis.control;

import java.util.Locale;
import java.util.Optional;

/**
 * The GS1 Core Business Vocabulary (CBV 2.0) terms the feed writes, as the bare words of the EPCIS
 * 2.0 JSON-LD context, and how a query names a business step: the bare word, its CBV 2.0 URI
 * ({@code https://ref.gs1.org/cbv/BizStep-receiving}) or its EPCIS 1.x URN
 * ({@code urn:epcglobal:cbv:bizstep:receiving}).
 */
public final class Cbv {

    public static final String RECEIVING = "receiving";
    public static final String SHIPPING = "shipping";
    public static final String ARRIVING = "arriving";
    public static final String COMMISSIONING = "commissioning";
    public static final String DECOMMISSIONING = "decommissioning";
    public static final String ASSEMBLING = "assembling";
    public static final String INSTALLING = "installing";
    public static final String REMOVING = "removing";

    /** The reason of every error declaration: a cancelled document recorded something that did not hold. */
    public static final String INCORRECT_DATA = "incorrect_data";

    /** Source and destination types. */
    public static final String OWNING_PARTY = "owning_party";
    public static final String LOCATION = "location";

    /** The business transaction type of a customer's return authorisation. */
    public static final String RMA = "rma";

    private static final String BIZ_STEP_URI = "https://ref.gs1.org/cbv/BizStep-";
    private static final String BIZ_STEP_URN = "urn:epcglobal:cbv:bizstep:";

    private Cbv() {
    }

    /**
     * The bare word a query's business step names, if it names a CBV one in any of its spellings
     * (a step of no vocabulary matches no event of this feed).
     */
    public static Optional<String> bizStepWord(String value) {
        String v = value.strip();
        if (v.startsWith(BIZ_STEP_URI)) {
            v = v.substring(BIZ_STEP_URI.length());
        } else if (v.toLowerCase(Locale.ROOT).startsWith(BIZ_STEP_URN)) {
            v = v.substring(BIZ_STEP_URN.length());
        } else if (v.contains(":") || v.contains("/")) {
            return Optional.empty();
        }
        return v.matches("[a-z_]{1,40}") ? Optional.of(v) : Optional.empty();
    }
}
