package org.serialtracking.it.screens;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company portal frames our screens (issue 16). The second test server names one portal origin
 * in SERIAL_FRAME_ANCESTORS (http://localhost:{it.portal.port}); the first names none, the default.
 * Each "portal" here is a page served by a small HTTP server of the test, holding one iframe.
 */
class PortalFrameScreenIT extends ScreenTest {

    private static final int PORTAL = Integer.getInteger("it.portal.port", 9097);
    private static final String FRAMEABLE = "http://localhost:" + System.getProperty("it2.http.port", "9081") + "/serial/";
    private static final String DEFAULT = Browser.BASE;
    private static final List<HttpServer> portals = new ArrayList<>();
    private static int otherPortal;

    @BeforeAll
    static void portals() throws IOException {
        portal(PORTAL);
        otherPortal = portal(0);
    }

    @AfterAll
    static void closePortals() {
        portals.forEach(p -> p.stop(0));
    }

    /** A portal page framing the address in its query ({@code /portal?frame=...}); returns its port. */
    private static int portal(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/portal", exchange -> {
            String frame = exchange.getRequestURI().getQuery().substring("frame=".length());
            byte[] page = ("<!doctype html><html><head><title>Company portal</title></head><body>"
                    + "<h1 id=\"portal\">Company portal</h1>"
                    + "<iframe id=\"app\" name=\"app\" src=\"" + frame + "\" width=\"1200\" height=\"640\"></iframe>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        portals.add(server);
        return server.getAddress().getPort();
    }

    /** Opens the portal page (on localhost or 127.0.0.1: another origin) framing {@code frame}, and enters the frame. */
    private static void openPortal(Browser b, String host, int port, String frame) {
        b.driver.get("http://" + host + ":" + port + "/portal?frame=" + frame);
        b.until(d -> d.findElement(By.id("portal")).isDisplayed());
        b.driver.switchTo().frame("app");
    }

    /** Whether the frame shows our sign-in screen (a refused frame shows the browser's error page instead). */
    private static boolean signInShown(Browser b) {
        // the frame's own navigation may still be under way: give it the time a page takes
        long until = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < until) {
            if (!b.driver.findElements(By.id("login:username")).isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Test
    void theNamedPortalFramesTheScreensAndTheClerkWorksInThem() {
        try (Browser b = Browser.open()) {
            openPortal(b, "localhost", PORTAL, FRAMEABLE + "items.xhtml");
            assertThat(signInShown(b)).as("the sign-in screen inside the named portal's frame").isTrue();
            b.type("login:username", "clerk");
            b.type("login:password", "clerk");
            b.click("login:signIn");
            // signed in inside the frame: the session cookie works there
            b.until(d -> !d.findElements(By.id("nav:userName")).isEmpty());
            assertThat(b.driver.findElement(By.id("nav:userName")).getText()).isEqualTo("clerk");
            assertThat(b.driver.getCurrentUrl()).endsWith("/serial/items.xhtml");
            b.driver.switchTo().defaultContent();
            b.screenshot("portal-framed");
        }
    }

    @Test
    void anotherOriginMayNotFrameThem() {
        try (Browser b = Browser.open()) {
            openPortal(b, "127.0.0.1", otherPortal, FRAMEABLE + "login.xhtml");
            assertThat(signInShown(b)).as("the sign-in screen inside another origin's frame").isFalse();
            b.driver.switchTo().defaultContent();
            b.screenshot("portal-refused");
        }
    }

    @Test
    void byDefaultNobodyMayFrameThem() {
        try (Browser b = Browser.open()) {
            openPortal(b, "localhost", PORTAL, DEFAULT + "login.xhtml");
            assertThat(signInShown(b)).as("a server that names no portal, inside the portal's frame").isFalse();
        }
    }
}
