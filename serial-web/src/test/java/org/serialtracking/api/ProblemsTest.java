package org.serialtracking.api;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void everyStatusJaxRsOrTheContainerChoosesHasItsCode() {
        assertThat(Problems.codeFor(400)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(Problems.codeFor(401)).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(Problems.codeFor(403)).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Problems.codeFor(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Problems.codeFor(405)).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(Problems.codeFor(406)).isEqualTo(ErrorCode.NOT_ACCEPTABLE);
        assertThat(Problems.codeFor(413)).isEqualTo(ErrorCode.REQUEST_TOO_LARGE);
        assertThat(Problems.codeFor(415)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        for (int status : new int[]{400, 401, 403, 404, 405, 406, 409, 413, 415, 422}) {
            assertThat(Problems.codeFor(status).status()).isEqualTo(status);
        }
    }

    @Test
    void aParameterJaxRsCannotConvertIsNamedNotRepeated() {
        assertThat(Problems.unconvertibleParameter("RESTEASY003870: Unable to extract parameter from http "
                + "request: jakarta.ws.rs.QueryParam(\"limit\") value is 'abc<script>' for public ..."))
                .contains("query parameter 'limit'");
        assertThat(Problems.unconvertibleParameter("... jakarta.ws.rs.PathParam(\"id\") value is 'x'"))
                .contains("path parameter 'id'");
        assertThat(Problems.unconvertibleParameter("HTTP 404 Not Found")).isEmpty();
        assertThat(Problems.unconvertibleParameter(null)).isEmpty();
    }
}
