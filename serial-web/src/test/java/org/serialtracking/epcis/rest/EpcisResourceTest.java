package org.serialtracking.epcis.rest;

import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The next page's address: the request's, parameters as the client encoded them, the token replaced. */
class EpcisResourceTest {

    private static UriInfo requested(String address) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRequestUri")) {
                        return URI.create(address);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theNextPageKeepsTheQueryAndReplacesTheToken() {
        String base = "http://localhost:9080/serial/api/epcis/events";
        assertThat(EpcisResource.next(requested(base), "T2")).isEqualTo(base + "?nextPageToken=T2");
        assertThat(EpcisResource.next(requested(base + "?MATCH_epc=https%3A%2F%2Fid.gs1.org%2F01%2F04012345000016"
                + "%2F21%2FA%252FB&perPage=2&nextPageToken=T1&EQ_bizStep=shipping"), "T2"))
                .isEqualTo(base + "?MATCH_epc=https%3A%2F%2Fid.gs1.org%2F01%2F04012345000016%2F21%2FA%252FB&perPage=2"
                        + "&EQ_bizStep=shipping&nextPageToken=T2");
        assertThat(EpcisResource.next(requested(base + "?nextPageToken=T1"), "T2")).isEqualTo(base + "?nextPageToken=T2");
    }
}
