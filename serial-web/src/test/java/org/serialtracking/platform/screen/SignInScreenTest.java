package org.serialtracking.platform.screen;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInScreenTest {

    @Test
    void goesBackOnlyToAPathOfThisApplication() {
        assertThat(SignInScreen.safeNext("/items.xhtml?q=a")).isEqualTo("/items.xhtml?q=a");
        assertThat(SignInScreen.safeNext(null)).isEqualTo("/index.xhtml");
        assertThat(SignInScreen.safeNext("//evil.example/x")).isEqualTo("/index.xhtml");
        assertThat(SignInScreen.safeNext("https://evil.example")).isEqualTo("/index.xhtml");
        assertThat(SignInScreen.safeNext("/\\\\evil.example")).isEqualTo("/index.xhtml");
        assertThat(SignInScreen.safeNext("/x\r\nSet-Cookie: a=b")).isEqualTo("/index.xhtml");
        assertThat(SignInScreen.safeNext("/login.xhtml")).isEqualTo("/index.xhtml");
    }
}
