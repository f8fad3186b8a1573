package org.hotline81890.gateway.people;

import java.time.Duration;

/** The outcome of a log-in attempt. A refusal never says whether the login or the password was wrong. */
public sealed interface LoginResult {
    record Success(SignedIn session) implements LoginResult {
    }

    record Refused() implements LoginResult {
    }

    /** Too many recent failures for this login: try again after {@code retryAfter}; the password was not checked. */
    record SlowDown(Duration retryAfter) implements LoginResult {
    }
}
