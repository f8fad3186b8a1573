package org.hotline81890.gateway.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Web sessions: a random 256-bit secret in the cookie, its SHA-256 in the store (so a copy of the table opens no
 * session), an idle timeout, and a CSRF token per session. Every node resolves every session through the store.
 */
public final class Sessions {
    /** A session's last-seen time is written at most this often (not on every request). */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private final SessionStore store;
    private final Duration idle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(SessionStore store, Duration idle, Clock clock) {
        this.store = store;
        this.idle = idle;
        this.clock = clock;
    }

    public SignedIn open(Person person) {
        String token = randomText();
        String csrf = randomText();
        store.create(hash(token), person.id(), csrf, clock.instant());
        return new SignedIn(person, token, csrf);
    }

    /** The person behind a cookie value, if the session exists, is not idle and the person is enabled. */
    public Optional<SignedIn> resolve(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        byte[] key = hash(token);
        Optional<SessionStore.Stored> found = store.find(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionStore.Stored s = found.get();
        Instant now = clock.instant();
        if (s.person().disabled() || s.lastSeen().plus(idle).isBefore(now)) {
            store.end(key);
            return Optional.empty();
        }
        if (s.lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
            store.touch(key, now);
        }
        return Optional.of(new SignedIn(s.person(), token, s.csrfToken()));
    }

    public void end(String token) {
        if (token != null) {
            store.end(hash(token));
        }
    }

    /** Removes idle sessions (housekeeping; an idle one is refused anyway). */
    public int sweep() {
        return store.endIdleBefore(clock.instant().minus(idle));
    }

    private String randomText() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
