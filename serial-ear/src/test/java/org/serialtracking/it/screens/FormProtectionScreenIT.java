package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.serialtracking.it.rest.Api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Cross-site request forgery: a form post that carries the signed-in user's session cookie but
 * not the page's own view state token changes nothing, whether the token is missing or forged; the
 * same post with the token does change the setting (the control that shows the test can fail).
 */
class FormProtectionScreenIT extends ScreenTest {

    @Test
    void aScreenSessionMayReadTheApiButNeverChangeThroughIt() throws IOException, InterruptedException {
        try (Browser b = Browser.signedIn("admin")) {
            String cookie = "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(Browser.BASE + "api/settings"))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            HttpResponse<String> change = http.send(HttpRequest.newBuilder(URI.create(Browser.BASE + "api/settings"))
                    .header("Cookie", cookie).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"serialTracking\":true,\"autoSerialNumber\":true}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(change.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aFormPostWithoutThePagesTokenChangesNothingAndTheSamePostWithItDoes()
            throws IOException, InterruptedException {
        Api.as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":false}").put("/api/settings")
                .then().statusCode(200);
        try (Browser b = Browser.signedIn("admin")) {
            b.go("settings.xhtml");
            String token = b.byId("tracking").findElement(org.openqa.selenium.By.name("jakarta.faces.ViewState"))
                    .getAttribute("value");
            assertThat(token).as("an unguessable token").hasSizeGreaterThan(16);
            // the page's CSP nonce goes with every post, as PrimeFaces' own script sends it: the
            // posts below differ in their view state token only
            String nonce = b.byId("tracking").findElement(org.openqa.selenium.By.name("primefaces.nonce"))
                    .getAttribute("value");
            Cookie session = b.driver.manage().getCookieNamed("JSESSIONID");

            for (String viewState : new String[]{null, "forged" + token.substring(6)}) {
                HttpResponse<String> response = switchAutoSerialOn(session, nonce, viewState);
                assertThat(response.body()).doesNotContain("Saved");
                Api.as("viewer").get("/api/settings").then().body("autoSerialNumber", equalTo(false));
            }

            // the positive control: the very same request with the page's own token does change the
            // setting, so the refusals above are the token's doing and not a request that never worked
            HttpResponse<String> accepted = switchAutoSerialOn(session, nonce, token);
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.body()).contains("Saved");
            Api.as("viewer").get("/api/settings").then().body("autoSerialNumber", equalTo(true));
        } finally {
            Api.as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":false}").put("/api/settings")
                    .then().statusCode(200);
        }
    }

    /** The ajax post the settings screen makes when the auto serial switch is turned on. */
    private static HttpResponse<String> switchAutoSerialOn(Cookie session, String nonce, String viewState)
            throws IOException, InterruptedException {
        String form = "tracking=tracking&tracking%3AautoSerial_input=on"
                + "&primefaces.nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8)
                + "&jakarta.faces.source=tracking%3AautoSerial&jakarta.faces.partial.event=change"
                + "&jakarta.faces.behavior.event=change&jakarta.faces.partial.ajax=true"
                + "&jakarta.faces.partial.execute=tracking%3AautoSerial&jakarta.faces.partial.render=tracking"
                + (viewState == null ? "" : "&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.BASE + "settings.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
