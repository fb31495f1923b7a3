package org.serialtracking.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInTest {

    @Test
    void theCacheKeyNamesRealmCallerAndGroupsWhateverTheirOrder() {
        SignedIn a = new SignedIn("SerialTracking", "clerk", Set.copyOf(List.of("b", "a")));
        SignedIn b = new SignedIn("SerialTracking", "clerk", Set.copyOf(List.of("a", "b")));
        assertThat(a.cacheKey()).isEqualTo(b.cacheKey()).isEqualTo("serial-tracking:SerialTracking:clerk:a,b");
        assertThat(new SignedIn("SerialTracking", "clerk", Set.of("a")).cacheKey()).isNotEqualTo(a.cacheKey());
    }
}
