package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API operation against every role: 401 without credentials, 403 for a role that may not
 * (problems UNAUTHORIZED and FORBIDDEN), and for one that may an answer below 500 that is not
 * 401/403 (a refusal being a problem with a code). Bodies are chosen so that allowed calls change
 * nothing (they are refused after authorization, e.g. 404 or 422).
 */
@MicroShedTest
class RolesMatrixIT {

    @ParameterizedTest(name = "{0} {1} allowed for {3}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /api/settings                          |                    | admin clerk viewer",
            "PUT    | /api/settings                          | {\"serialTracking\":true,\"autoSerialNumber\":false,\"version\":-1} | admin",
            "GET    | /api/companies                         |                    | admin clerk viewer",
            "POST   | /api/companies                         | {}                 | admin",
            "GET    | /api/locations                         |                    | admin clerk viewer",
            "POST   | /api/locations                         | {}                 | admin",
            "GET    | /api/items                             |                    | admin clerk viewer",
            "POST   | /api/items                             | {}                 | admin",
            "GET    | /api/items/NO-SUCH-SKU                 |                    | admin clerk viewer",
            "PUT    | /api/items/NO-SUCH-SKU                 | {}                 | admin",
            "POST   | /api/items/NO-SUCH-SKU/serial-initialization | {}           | admin clerk",
            "GET    | /api/items/NO-SUCH-SKU/available-serials |                  | admin clerk viewer",
            "GET    | /api/items/NO-SUCH-SKU/auto-serials/preview |               | admin clerk viewer",
            "POST   | /api/items/NO-SUCH-SKU/auto-select     | {}                 | admin clerk viewer",
            "POST   | /api/serial-formats/validate           | {}                 | admin clerk viewer",
            "POST   | /api/transactions                      | {}                 | admin clerk",
            "GET    | /api/transactions                      |                    | admin clerk viewer",
            "GET    | /api/transactions/0                    |                    | admin clerk viewer",
            "POST   | /api/transactions/0/cancel             |                    | admin clerk",
            "GET    | /api/serials                           |                    | admin clerk viewer",
            "GET    | /api/serials/NO-SUCH-SERIAL            |                    | admin clerk viewer",
            "GET    | /api/serials/NO-SUCH-SERIAL/history    |                    | admin clerk viewer",
            "GET    | /api/serials/NO-SUCH-SERIAL/trace      |                    | admin clerk viewer",
            "GET    | /api/serials/lookup?serial=NO-SUCH     |                    | admin clerk viewer",
            "GET    | /api/serials/lookup/history?serial=NO-SUCH |                | admin clerk viewer",
            "GET    | /api/serials/export?sku=NO-SUCH-SKU    |                    | admin clerk viewer",
            "POST   | /api/serial-tools/range                | {}                 | admin clerk",
            "POST   | /api/serial-tools/collapse             | {}                 | admin clerk",
            "POST   | /api/serial-tools/parse                | {}                 | admin clerk",
            "GET    | /api/audit                             |                    | admin",
            "GET    | /api/customers                         |                    | admin clerk viewer",
            "POST   | /api/customers                         | {}                 | admin clerk",
            "GET    | /api/customers/NO-SUCH-CUSTOMER        |                    | admin clerk viewer",
            "GET    | /api/suppliers                         |                    | admin clerk viewer",
            "POST   | /api/suppliers                         | {}                 | admin clerk",
            "GET    | /api/suppliers/NO-SUCH-SUPPLIER        |                    | admin clerk viewer",
            "POST   | /api/recalls                           | {}                 | admin clerk",
            "GET    | /api/recalls                           |                    | admin clerk viewer",
            "GET    | /api/recalls/NO-SUCH-RECALL            |                    | admin clerk viewer",
            "GET    | /api/recalls/NO-SUCH-RECALL/units      |                    | admin clerk viewer",
            "GET    | /api/recalls/NO-SUCH-RECALL/units/export |                  | admin clerk viewer",
            "POST   | /api/recalls/NO-SUCH-RECALL/close      | {}                 | admin clerk",
            "GET    | /api/epcis/events?perPage=1            |                    | admin clerk viewer",
    })
    void everyOperationChecksTheRole(String method, String path, String body, String allowed) {
        Set<String> may = Set.of(allowed.split(" "));
        Response anonymous = call(RestAssured.given(), method, path, body);
        assertThat(anonymous.statusCode()).as("%s %s without credentials", method, path).isEqualTo(401);
        assertProblem(anonymous, "UNAUTHORIZED", method + " " + path + " without credentials");
        for (String user : List.of("admin", "clerk", "viewer")) {
            Response response = call(RestAssured.given().auth().preemptive().basic(user, user), method, path, body);
            int status = response.statusCode();
            String call = method + " " + path + " as " + user;
            if (may.contains(user)) {
                // allowed: refused for its body or its unknown key at most, never a failure of the server
                assertThat(status).as(call).isNotIn(401, 403).isLessThan(500);
                if (status >= 400) {
                    assertProblem(response, null, call);
                }
            } else {
                assertThat(status).as(call).isEqualTo(403);
                assertProblem(response, "FORBIDDEN", call);
            }
        }
    }

    /** A refusal is a problem with a code (the given one, when given). */
    private static void assertProblem(Response response, String code, String call) {
        assertThat(response.contentType()).as("%s: content type", call).startsWith("application/problem+json");
        String actual = response.jsonPath().getString("code");
        assertThat(actual).as("%s: problem code", call).isNotBlank();
        if (code != null) {
            assertThat(actual).as("%s: problem code", call).isEqualTo(code);
        }
    }

    private static Response call(RequestSpecification request, String method, String path, String body) {
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        } else if (!"GET".equals(method)) {
            request = request.contentType(ContentType.JSON);
        }
        return request.request(method, path);
    }
}
