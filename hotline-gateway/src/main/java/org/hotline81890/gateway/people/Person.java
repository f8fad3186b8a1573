package org.hotline81890.gateway.people;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A person who logs in. The password hash never leaves the people package and storage. */
public record Person(long id, String login, Role role, String name, Optional<String> provider,
                     Optional<String> extension, boolean disabled, Instant createdAt) {
    public Person {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(extension, "extension");
        name = name == null || name.isBlank() ? login : name;
    }
}
