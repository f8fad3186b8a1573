package org.hotline81890.gateway.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: accounts and their failed log-ins. */
public interface PersonStore {
    /** Stores a new person; empty when the login is taken (nothing changed). */
    Optional<Person> add(NewPerson person, String passwordHash, Instant at);

    Optional<Person> find(String login);

    Optional<Person> find(long id);

    /** The stored Argon2id hash of an enabled person's password. */
    Optional<String> passwordHash(String login);

    List<Person> all();

    boolean anyEnabled(Role role);

    /** False when there is no such login. */
    boolean setDisabled(String login, boolean disabled);

    /** False when there is no such login. */
    boolean setPasswordHash(String login, String passwordHash);

    void recordFailure(String login, Instant at);

    /** Failed log-ins of {@code login} at or after {@code since}, oldest first. */
    List<Instant> failuresSince(String login, Instant since);

    void clearFailures(String login);
}
