package org.serialtracking.platform.security;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SignInMechanismTest {

    @Test
    void readsBasicCredentialsIncludingColonsInThePassword() {
        var credential = SignInMechanism.basicCredential(withAuthorization("Basic "
                + Base64.getEncoder().encodeToString("clerk:pa:ss".getBytes(StandardCharsets.UTF_8)))).orElseThrow();
        assertThat(credential.getCaller()).isEqualTo("clerk");
        assertThat(credential.getPasswordAsString()).isEqualTo("pa:ss");
    }

    @Test
    void aMalformedHeaderIsACredentialThatFailsNotACrash() {
        var credential = SignInMechanism.basicCredential(withAuthorization("Basic %%%")).orElseThrow();
        assertThat(credential.getCaller()).isEmpty();
    }

    @Test
    void noBasicHeaderMeansNoCredential() {
        assertThat(SignInMechanism.basicCredential(withAuthorization(null))).isEmpty();
        assertThat(SignInMechanism.basicCredential(withAuthorization("Bearer x"))).isEmpty();
    }

    private static HttpServletRequest withAuthorization(String header) {
        return (HttpServletRequest) Proxy.newProxyInstance(SignInMechanismTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getHeader") ? header : null);
    }
}
