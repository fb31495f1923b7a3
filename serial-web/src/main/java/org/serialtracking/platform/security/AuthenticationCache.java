package org.serialtracking.platform.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers recent successful checks of a user name and password for a while, so that an API
 * client sending Basic credentials on every call does not cost a registry check (and, with LDAP, a
 * network round trip) each time. Liberty's own authentication cache does the same for its built-in
 * mechanisms, with the same ten minutes.
 * <p>
 * Only successes are kept, under an HMAC of name and password with a key made at start (never the
 * password itself); a changed password misses the cache at once, and a removed user or changed
 * group takes effect within {@link #KEEP}.
 */
final class AuthenticationCache {

    static final Duration KEEP = Duration.ofMinutes(10);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(SignedIn caller, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    AuthenticationCache(Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    /** The cached caller of these credentials, or the registry's answer (cached when valid). */
    Optional<SignedIn> check(String username, String password, Supplier<Optional<SignedIn>> registry) {
        String id = fingerprint(username, password);
        Instant now = clock.instant();
        Entry cached = entries.get(id);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.caller());
        }
        Optional<SignedIn> answer = registry.get();
        if (answer.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // bounded: a flood of distinct credentials cannot grow it
            }
            entries.put(id, new Entry(answer.get(), now.plus(KEEP)));
        } else {
            entries.remove(id);
        }
        return answer;
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
