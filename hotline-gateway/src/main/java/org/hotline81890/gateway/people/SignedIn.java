package org.hotline81890.gateway.people;

import java.util.Objects;

/** A person with a live session: the cookie's secret and the session's CSRF token. */
public record SignedIn(Person person, String token, String csrfToken) {
    public SignedIn {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    @Override
    public String toString() {
        return "SignedIn[" + person.login() + " " + person.role().wire() + "]";
    }
}
