package org.serialtracking.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FramePolicyTest {

    @Test
    void nobodyFramesOurPagesUnlessAnOperatorSaysWho() {
        assertThat(FramePolicy.of(null).frameAncestors()).isEqualTo("'none'");
        assertThat(FramePolicy.of("  ").frameAncestors()).isEqualTo("'none'");
        assertThat(FramePolicy.of("").applyTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY))
                .isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }

    @Test
    void thePortalsOriginsAsCspWritesThem() {
        FramePolicy p = FramePolicy.of("https://Portal.Example.com, http://intranet.example.com:8080/  https://portal.example.com");
        assertThat(p.origins()).containsExactly("https://portal.example.com", "http://intranet.example.com:8080");
        assertThat(p.refused()).isEmpty();
        assertThat(p.applyTo("default-src 'self'; frame-ancestors 'none'; script-src 'self'"))
                .isEqualTo("default-src 'self'; frame-ancestors https://portal.example.com "
                        + "http://intranet.example.com:8080; script-src 'self'");
    }

    @Test
    void anythingButABareOriginIsLeftOutAndNamed() {
        FramePolicy p = FramePolicy.of("* 'self' https://*.example.com https://portal.example.com/app "
                + "ftp://files.example.com https://user@portal.example.com https://portal.example.com?x=1 "
                + "https://ok.example.com");
        assertThat(p.origins()).containsExactly("https://ok.example.com");
        assertThat(p.refused()).containsExactly("*", "'self'", "https://*.example.com",
                "https://portal.example.com/app", "ftp://files.example.com", "https://user@portal.example.com",
                "https://portal.example.com?x=1");
        // only refusals: as if nothing were configured
        assertThat(FramePolicy.of("*").frameAncestors()).isEqualTo("'none'");
    }
}
