package org.serialtracking.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail, extended with the stable {@code code} of the broken rule and the
 * serials at fault. Never carries a stack trace, SQL or a class name.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @Schema(description = "stable error code, e.g. SERIAL_COUNT_MISMATCH") String code,
        @Schema(description = "the serials at fault, when serials are") List<String> serials) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
