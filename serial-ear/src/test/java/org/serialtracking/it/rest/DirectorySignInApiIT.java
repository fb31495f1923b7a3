package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serialtracking.it.ldap.Directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Directory sign-in (issue 16): the third test server checks passwords against a real OpenLDAP and
 * takes the roles from the directory's groups. Test data is made through the first server (basic
 * registry; the same database).
 */
class DirectorySignInApiIT {

    @BeforeAll
    static void directory() {
        Api.useServerUnderTest();
        Directory.start();
    }

    @AfterAll
    static void noDirectory() {
        Directory.stop();
    }

    /** A request to the directory's server as a user of the directory. */
    private static RequestSpecification as(String user, String password) {
        return RestAssured.given().baseUri(Directory.SERVER).basePath("").port(-1).auth().preemptive()
                .basic(user, password).contentType(ContentType.JSON);
    }

    @Test
    void rolesComeFromTheDirectorysGroups() {
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String since = Instant.now().minusSeconds(5).toString();

        // a clerk of the directory posts, and the ledger and the audit name him as the directory does
        String number = as("carl", "carl-pw").body(Api.doc("RECEIPT", sku, wh, 1, Api.serials(1)))
                .post("/api/transactions").then().statusCode(201).body("postedBy", equalTo("carl"))
                .extract().path("number");
        // a viewer reads, and may not post
        as("vera", "vera-pw").get("/api/items/" + sku).then().statusCode(200);
        as("vera", "vera-pw").body(Api.doc("RECEIPT", sku, wh, 1, Api.serials(1))).post("/api/transactions")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        // an admin reads the audit, where the clerk's posting carries his directory name
        List<Map<String, Object>> events = Api.auditSince(() -> as("alice", "alice-pw"), since);
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("action", "DOCUMENT_POSTED")
                .containsEntry("subject", number).containsEntry("user", "carl"));
        as("carl", "carl-pw").get("/api/audit").then().statusCode(403);
    }

    @Test
    void aUserInNoGroupIsForbiddenAndBadCredentialsAreUnauthorized() {
        // signed in, but the directory gives her no role here
        as("nora", "nora-pw").get("/api/items").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as("carl", "wrong").get("/api/items").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        as("nobody", "nobody-pw").get("/api/items").then().statusCode(401);
        // disabled in the directory: the right password is refused like a wrong one
        as("dave", "dave-pw").get("/api/items").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        // and the basic registry's users do not exist on this server
        as("clerk", "clerk").get("/api/items").then().statusCode(401);
    }

    @Test
    void aDirectoryThatIsDownSignsNobodyInAndSaysSoUntilItIsBack() throws InterruptedException {
        as("carl", "carl-pw").get("/api/items").then().statusCode(200);
        Directory.pause();
        try {
            as("carl", "carl-pw").get("/api/items").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "10")
                    .body("code", equalTo("DIRECTORY_UNAVAILABLE"))
                    .body("detail", org.hamcrest.Matchers.containsString("cannot be reached"));
            // nothing is posted meanwhile either
            as("carl", "carl-pw").body("{}").post("/api/transactions").then().statusCode(503);
        } finally {
            Directory.resume();
        }
        // back: the very next sign-ins work again (within a few seconds at most)
        int status = 0;
        for (int i = 0; i < 30 && status != 200; i++) {
            status = as("carl", "carl-pw").get("/api/items").then().extract().statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).isEqualTo(200);
        as("carl", "wrong").get("/api/items").then().statusCode(401);
    }
}
