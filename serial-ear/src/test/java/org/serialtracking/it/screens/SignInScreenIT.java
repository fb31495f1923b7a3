package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out, and what each role may open (the pages are guarded by the server, not only by hidden links). */
class SignInScreenIT extends ScreenTest {

    @Test
    void aPageAsksForSignInAndComesBackAfterIt() {
        try (Browser b = Browser.open()) {
            b.go("items.xhtml");
            assertThat(b.driver.getCurrentUrl()).contains("login.xhtml");
            b.screenshot("00-login");
            b.type("login:username", "clerk");
            b.type("login:password", "wrong");
            b.click("login:signIn");
            // the sign-in posts the whole page: wait for the answer, not the page being left
            b.waitUntil(d -> textOf(b, "login:messages").contains("Wrong user name or password"));
            assertThat(b.driver.getCurrentUrl()).contains("login.xhtml");

            b.type("login:username", "clerk");
            b.type("login:password", "clerk");
            b.click("login:signIn");
            // the sign-in answers with a redirect: wait for the page it leads to, not the one being left
            b.waitUntil(d -> d.getCurrentUrl().endsWith("/serial/items.xhtml"));
            assertThat(b.text("nav:userName")).isEqualTo("clerk");

            b.click("nav:signOut");
            b.waitUntil(d -> d.getCurrentUrl().contains("login.xhtml"));
            b.go("items.xhtml");
            assertThat(b.driver.getCurrentUrl()).contains("login.xhtml");
        }
    }

    @Test
    void aSignInNeverSendsTheUserToAnotherSite() {
        try (Browser b = Browser.open()) {
            b.go("login.xhtml?next=//evil.example/x");
            b.type("login:username", "viewer");
            b.type("login:password", "viewer");
            b.click("login:signIn");
            b.waitUntil(d -> !d.getCurrentUrl().contains("login.xhtml"));
            assertThat(b.driver.getCurrentUrl()).startsWith(Browser.BASE).endsWith("index.xhtml");
        }
    }

    @Test
    void settingsAreForAdminsAndNewDocumentsForClerks() {
        try (Browser viewer = Browser.signedIn("viewer")) {
            viewer.go("settings.xhtml");
            assertThat(viewer.text("forbidden")).isEqualTo("Not allowed");
            viewer.go("transaction-new.xhtml?type=RECEIPT");
            assertThat(viewer.text("forbidden")).isEqualTo("Not allowed");
            assertThat(viewer.present("nav:menu")).isTrue();
            assertThat(viewer.driver.getPageSource()).doesNotContain("nav:menuSettings").doesNotContain("nav:newReceipt");
        }
        try (Browser clerk = Browser.signedIn("clerk")) {
            clerk.go("settings.xhtml");
            assertThat(clerk.text("forbidden")).isEqualTo("Not allowed");
            clerk.go("transaction-new.xhtml?type=RECEIPT");
            assertThat(clerk.present("forbidden")).isFalse();
        }
        try (Browser admin = Browser.signedIn("admin")) {
            admin.go("settings.xhtml");
            assertThat(admin.present("tracking:serialTracking")).isTrue();
            admin.go("no-such-page.xhtml");
            assertThat(admin.text("notFound")).isEqualTo("Page not found");
            assertThat(admin.driver.getPageSource()).doesNotContain("Exception").doesNotContain("jakarta.");
        }
    }

    /** The text of an element, or nothing while the page that holds it is not there yet. */
    private static String textOf(Browser b, String id) {
        return b.present(id) ? b.text(id) : "";
    }
}
