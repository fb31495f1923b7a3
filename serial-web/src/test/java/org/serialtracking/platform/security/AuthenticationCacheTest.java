package org.serialtracking.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationCacheTest {

    private static final SignedIn CLERK = new SignedIn("realm", "clerk", Set.of("serial-clerks"));

    private final AtomicInteger asked = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final AuthenticationCache cache = new AuthenticationCache(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private Supplier<Optional<SignedIn>> registry(Optional<SignedIn> answer) {
        return () -> {
            asked.incrementAndGet();
            return answer;
        };
    }

    @Test
    void aValidCheckIsRememberedForTenMinutes() {
        assertThat(cache.check("clerk", "secret", registry(Optional.of(CLERK)))).contains(CLERK);
        now = now.plus(Duration.ofMinutes(9));
        assertThat(cache.check("clerk", "secret", registry(Optional.of(CLERK)))).contains(CLERK);
        assertThat(asked).hasValue(1);
        now = now.plus(Duration.ofMinutes(2));
        cache.check("clerk", "secret", registry(Optional.of(CLERK)));
        assertThat(asked).hasValue(2);
    }

    @Test
    void anotherPasswordIsAlwaysCheckedAndFailuresAreNotRemembered() {
        cache.check("clerk", "secret", registry(Optional.of(CLERK)));
        assertThat(cache.check("clerk", "guess", registry(Optional.empty()))).isEmpty();
        assertThat(cache.check("clerk", "guess", registry(Optional.empty()))).isEmpty();
        assertThat(asked).hasValue(3);
    }

    @Test
    void nameAndPasswordCannotBeShiftedIntoEachOther() {
        cache.check("ab", "c", registry(Optional.of(CLERK)));
        cache.check("a", "bc", registry(Optional.empty()));
        assertThat(asked).hasValue(2);
    }
}
