package org.hotline81890.gateway.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Logging in, with a backoff per login: from the fifth failure within 15 minutes, each attempt must wait
 * 2^(failures-4) seconds after the last failure, at most a minute. Guessing is slowed to one try a minute while the
 * real person, who knows the password, waits at most that minute; failures older than 15 minutes are forgotten.
 * The failures live in the store, so every node sees them.
 */
public final class SignIn {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FREE_FAILURES = 4;
    static final Duration MAX_WAIT = Duration.ofMinutes(1);
    private final PersonStore store;
    private final Sessions sessions;
    private final Passwords passwords;
    private final Clock clock;

    public SignIn(PersonStore store, Sessions sessions, Passwords passwords, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.passwords = passwords;
        this.clock = clock;
    }

    public LoginResult attempt(String rawLogin, String password) {
        String login = rawLogin == null ? "" : rawLogin.strip().toLowerCase(Locale.ROOT);
        if (login.isEmpty() || login.length() > 64 || password == null || password.length() > 256) {
            return new LoginResult.Refused();
        }
        Instant now = clock.instant();
        Optional<Duration> wait = waitFor(store.failuresSince(login, now.minus(WINDOW)), now);
        if (wait.isPresent()) {
            return new LoginResult.SlowDown(wait.get());
        }
        Optional<String> hash = store.passwordHash(login);
        boolean ok = hash.isPresent() ? passwords.matches(password, hash.get()) : burn(password);
        Optional<Person> person = ok ? store.find(login).filter(p -> !p.disabled()) : Optional.empty();
        if (person.isEmpty()) {
            store.recordFailure(login, now);
            return new LoginResult.Refused();
        }
        store.clearFailures(login);
        return new LoginResult.Success(sessions.open(person.get()));
    }

    private boolean burn(String password) {
        passwords.burn(password);
        return false;
    }

    static Optional<Duration> waitFor(List<Instant> failures, Instant now) {
        if (failures.size() <= FREE_FAILURES) {
            return Optional.empty();
        }
        int over = Math.min(failures.size() - FREE_FAILURES, 6);
        Duration gap = Duration.ofSeconds(1L << over);
        gap = gap.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : gap;
        Instant allowed = failures.get(failures.size() - 1).plus(gap);
        return allowed.isAfter(now) ? Optional.of(Duration.between(now, allowed)) : Optional.empty();
    }
}
