package org.serialtracking.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPageServletTest {

    @Test
    void theApiIsEverythingUnderApiOfThisApplication() {
        assertThat(ErrorPageServlet.isApi("/serial", "/serial/api/serials/SN%2F1")).isTrue();
        assertThat(ErrorPageServlet.isApi("/serial", "/serial/api")).isTrue();
        assertThat(ErrorPageServlet.isApi("/serial", "/serial/apiary.xhtml")).isFalse();
        assertThat(ErrorPageServlet.isApi("/serial", "/serial/items.xhtml")).isFalse();
        assertThat(ErrorPageServlet.isApi("/serial", "/other/api/x")).isFalse();
        assertThat(ErrorPageServlet.isApi("/serial", null)).isFalse();
    }

    @Test
    void aRefusedAddressPointsToTheLookupRoutes() {
        assertThat(ErrorPageServlet.detail(400)).contains("/api/serials/lookup?serial=");
        assertThat(ErrorPageServlet.detail(599)).isEqualTo("The request was refused");
    }
}
