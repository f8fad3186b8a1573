package org.hotline81890.gateway.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Test double of {@link PersonStore}. */
public final class InMemoryPersonStore implements PersonStore {
    private record Row(Person person, String hash) {
    }

    private final Map<String, Row> rows = new ConcurrentHashMap<>();
    private final List<Map.Entry<String, Instant>> failures = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Optional<Person> add(NewPerson p, String passwordHash, Instant at) {
        if (rows.containsKey(p.login())) {
            return Optional.empty();
        }
        Person person = new Person(ids.incrementAndGet(), p.login(), p.role(), p.name(), p.provider(), p.extension(),
                false, at);
        rows.put(p.login(), new Row(person, passwordHash));
        return Optional.of(person);
    }

    @Override
    public Optional<Person> find(String login) {
        return Optional.ofNullable(rows.get(login)).map(Row::person);
    }

    @Override
    public Optional<Person> find(long id) {
        return rows.values().stream().map(Row::person).filter(p -> p.id() == id).findFirst();
    }

    @Override
    public Optional<String> passwordHash(String login) {
        return Optional.ofNullable(rows.get(login)).filter(r -> !r.person().disabled()).map(Row::hash);
    }

    @Override
    public List<Person> all() {
        return rows.values().stream().map(Row::person).sorted(Comparator.comparing(Person::login)).toList();
    }

    @Override
    public boolean anyEnabled(Role role) {
        return rows.values().stream().anyMatch(r -> r.person().role() == role && !r.person().disabled());
    }

    @Override
    public synchronized boolean setDisabled(String login, boolean disabled) {
        Row r = rows.get(login);
        if (r == null) {
            return false;
        }
        Person p = r.person();
        rows.put(login, new Row(new Person(p.id(), p.login(), p.role(), p.name(), p.provider(), p.extension(),
                disabled, p.createdAt()), r.hash()));
        return true;
    }

    @Override
    public synchronized boolean setPasswordHash(String login, String passwordHash) {
        Row r = rows.get(login);
        if (r == null) {
            return false;
        }
        rows.put(login, new Row(r.person(), passwordHash));
        return true;
    }

    @Override
    public synchronized void recordFailure(String login, Instant at) {
        failures.add(Map.entry(login, at));
    }

    @Override
    public synchronized List<Instant> failuresSince(String login, Instant since) {
        return failures.stream().filter(f -> f.getKey().equals(login) && !f.getValue().isBefore(since))
                .map(Map.Entry::getValue).sorted().toList();
    }

    @Override
    public synchronized void clearFailures(String login) {
        failures.removeIf(f -> f.getKey().equals(login));
    }
}
