package org.serialtracking.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserRegistryLoginTest {

    @Test
    void blankCredentialsAreRefusedWithoutAskingAnyone() {
        assertThat(UserRegistryLogin.check("", "x")).isEqualTo(UserRegistryLogin.Verdict.REFUSED);
        assertThat(UserRegistryLogin.check("carl", "")).isEqualTo(UserRegistryLogin.Verdict.REFUSED);
        assertThat(UserRegistryLogin.check(null, null)).isEqualTo(UserRegistryLogin.Verdict.REFUSED);
    }
}
