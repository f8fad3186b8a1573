package org.hotline81890.gateway.people;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Managing accounts: the CLI ({@code hotline users}) and the admin page call the same verbs. Disabling a person or
 * resetting their password ends their sessions.
 */
public final class People {
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 8;
    private final PersonStore store;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final Clock clock;

    public People(PersonStore store, SessionStore sessions, Passwords passwords, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.passwords = passwords;
        this.clock = clock;
    }

    public AddResult add(NewPerson person, String password) {
        Optional<String> problem = person.problem().or(() -> passwordProblem(password));
        if (problem.isPresent()) {
            return new AddResult.Refused(problem.get());
        }
        if (store.find(person.login()).isPresent()) {
            return new AddResult.Refused("login " + person.login() + " already exists");
        }
        return store.add(person, passwords.hash(password), clock.instant())
                .<AddResult>map(AddResult.Created::new)
                .orElseGet(() -> new AddResult.Refused("login " + person.login() + " already exists"));
    }

    public List<Person> list() {
        return store.all();
    }

    public Optional<Person> find(String login) {
        return store.find(login);
    }

    /** Empty when done; else the one-line reason. */
    public Optional<String> disable(String login) {
        Optional<Person> p = store.find(login);
        if (p.isEmpty()) {
            return Optional.of("no such login: " + login);
        }
        store.setDisabled(login, true);
        sessions.endAllOf(p.get().id());
        return Optional.empty();
    }

    /** Empty when done; else the one-line reason. */
    public Optional<String> resetPassword(String login, String password) {
        Optional<String> problem = passwordProblem(password);
        if (problem.isPresent()) {
            return problem;
        }
        Optional<Person> p = store.find(login);
        if (p.isEmpty()) {
            return Optional.of("no such login: " + login);
        }
        store.setPasswordHash(login, passwords.hash(password));
        store.clearFailures(login);
        sessions.endAllOf(p.get().id());
        return Optional.empty();
    }

    static Optional<String> passwordProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            return Optional.of("password shorter than " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 256) {
            return Optional.of("password longer than 256 characters");
        }
        return Optional.empty();
    }
}
