package org.serialtracking.it.screens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.serialtracking.it.ldap.Directory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in on the screens with a directory account (issue 16), on the third test server (LDAP).
 * A user types as on any sign-in; the roles shown come from the directory's groups.
 */
class DirectorySignInScreenIT extends ScreenTest {

    private static final String BASE = Directory.SERVER + "/";

    @BeforeAll
    static void directory() {
        Directory.start();
    }

    @AfterAll
    static void noDirectory() {
        Directory.stop();
    }

    private static void signIn(Browser b, String user, String password) {
        b.driver.get(BASE + "items.xhtml");
        b.until(d -> d.getCurrentUrl().contains("login.xhtml"));
        b.type("login:username", user);
        b.type("login:password", password);
        b.click("login:signIn");
    }

    private static String messages(Browser b) {
        return b.present("login:messages") ? b.text("login:messages") : "";
    }

    @Test
    void aDirectoryClerkSignsInAndWorksAsAClerk() {
        try (Browser b = Browser.open()) {
            signIn(b, "carl", "wrong");
            b.until(d -> messages(b).contains("Wrong user name or password"));

            signIn(b, "carl", "carl-pw");
            b.until(d -> d.getCurrentUrl().endsWith("/serial/items.xhtml"));
            assertThat(b.text("nav:userName")).isEqualTo("carl");
            b.driver.get(BASE + "transaction-new.xhtml?type=RECEIPT");
            assertThat(b.driver.findElements(By.id("forbidden"))).isEmpty();
            b.driver.get(BASE + "settings.xhtml");
            assertThat(b.text("forbidden")).isEqualTo("Not allowed");
        }
    }

    @Test
    void aUserOfNoGroupIsNotAllowedAndADisabledOneNotSignedIn() {
        try (Browser b = Browser.open()) {
            signIn(b, "dave", "dave-pw");
            b.until(d -> messages(b).contains("Wrong user name or password"));
            signIn(b, "nora", "nora-pw");
            b.until(d -> !d.getCurrentUrl().contains("login.xhtml"));
            assertThat(b.text("forbidden")).isEqualTo("Not allowed");
        }
    }

    @Test
    void theScreenSaysWhenTheDirectoryIsDown() {
        try (Browser b = Browser.open()) {
            Directory.pause();
            try {
                signIn(b, "carl", "carl-pw");
                b.until(d -> messages(b).contains("directory that checks sign-ins cannot be reached"));
                assertThat(b.driver.getCurrentUrl()).contains("login.xhtml");
                b.screenshot("directory-down");
            } finally {
                Directory.resume();
            }
            b.until(d -> {
                signIn(b, "carl", "carl-pw");
                return !d.getCurrentUrl().contains("login.xhtml");
            });
            assertThat(b.text("nav:userName")).isEqualTo("carl");
        }
    }
}
