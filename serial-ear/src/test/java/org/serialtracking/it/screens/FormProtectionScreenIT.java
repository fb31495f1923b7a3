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
 * not the page's own view state token changes nothing, whether the token is missing or forged.
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
    void aFormPostWithoutThePagesTokenChangesNothing() throws IOException, InterruptedException {
        Api.as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":false}").put("/api/settings")
                .then().statusCode(200);
        try (Browser b = Browser.signedIn("admin")) {
            b.go("settings.xhtml");
            String token = b.byId("tracking").findElement(org.openqa.selenium.By.name("jakarta.faces.ViewState"))
                    .getAttribute("value");
            assertThat(token).as("an unguessable token").hasSizeGreaterThan(16);
            Cookie session = b.driver.manage().getCookieNamed("JSESSIONID");

            for (String viewState : new String[]{null, "forged" + token.substring(6)}) {
                String form = "tracking=tracking&tracking%3AautoSerial_input=on"
                        + "&jakarta.faces.source=tracking%3AautoSerial&jakarta.faces.partial.event=change"
                        + "&jakarta.faces.behavior.event=change&jakarta.faces.partial.ajax=true"
                        + "&jakarta.faces.partial.execute=tracking%3AautoSerial"
                        + (viewState == null ? "" : "&jakarta.faces.ViewState="
                        + URLEncoder.encode(viewState, StandardCharsets.UTF_8));
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(Browser.BASE + "settings.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Faces-Request", "partial/ajax")
                        .header("Cookie", "JSESSIONID=" + session.getValue())
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).doesNotContain("Saved");
                Api.as("viewer").get("/api/settings").then().body("autoSerialNumber", equalTo(false));
            }
        }
    }
}
