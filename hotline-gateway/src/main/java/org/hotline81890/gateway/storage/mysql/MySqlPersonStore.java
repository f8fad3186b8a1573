package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonStore;
import org.hotline81890.gateway.people.Role;

/** Accounts in {@code person}, failed log-ins in {@code login_failure}. */
public final class MySqlPersonStore implements PersonStore {
    /** Staff of a suspended provider count as disabled, on every node at once (issue 14). */
    static final String SUSPENDED = "EXISTS (SELECT 1 FROM provider pv WHERE pv.id=p.provider_id "
            + "AND pv.status='SUSPENDED')";
    static final String COLUMNS = "p.id, p.login, p.role, p.name, p.provider_id, p.extension, (p.disabled OR "
            + SUSPENDED + ") AS disabled, p.created_at";
    private final Transactions tx;

    public MySqlPersonStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Person> add(NewPerson person, String passwordHash, Instant at) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO person (login, role, name, "
                    + "provider_id, extension, password_hash, created_at) VALUES (?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, person.login());
                ps.setString(2, person.role().wire());
                ps.setString(3, person.name().isEmpty() ? person.login() : person.name());
                Sql.setText(ps, 4, person.provider());
                Sql.setText(ps, 5, person.extension());
                ps.setString(6, passwordHash);
                Sql.setInstant(ps, 7, at);
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(new Person(keys.getLong(1), person.login(), person.role(), person.name(),
                            person.provider(), person.extension(), false, Sql.millis(at)));
                }
            }
        });
    }

    @Override
    public Optional<Person> find(String login) {
        return one("SELECT " + COLUMNS + " FROM person p WHERE p.login=?", login);
    }

    @Override
    public Optional<Person> find(long id) {
        return one("SELECT " + COLUMNS + " FROM person p WHERE p.id=?", id);
    }

    private Optional<Person> one(String sql, Object key) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(person(rs)) : Optional.empty();
                }
            }
        });
    }

    static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("login"),
                Role.of(rs.getString("role")).orElseThrow(() -> new SQLException("unknown role in person table")),
                rs.getString("name"), Sql.optText(rs, "provider_id"), Sql.optText(rs, "extension"),
                rs.getBoolean("disabled"), Sql.instant(rs, "created_at"));
    }

    @Override
    public Optional<String> passwordHash(String login) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT password_hash FROM person p WHERE p.login=? AND NOT p.disabled AND NOT "
                    + SUSPENDED)) {
                ps.setString(1, login);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Person> all() {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM person p ORDER BY p.login");
                 ResultSet rs = ps.executeQuery()) {
                List<Person> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(person(rs));
                }
                return out;
            }
        });
    }

    @Override
    public boolean anyEnabled(Role role) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM person WHERE role=? AND NOT disabled LIMIT 1")) {
                ps.setString(1, role.wire());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public boolean setDisabled(String login, boolean disabled) {
        return update("UPDATE person SET disabled=? WHERE login=?", disabled, login);
    }

    @Override
    public boolean setPasswordHash(String login, String passwordHash) {
        return update("UPDATE person SET password_hash=? WHERE login=?", passwordHash, login);
    }

    private boolean update(String sql, Object value, String login) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, value);
                ps.setString(2, login);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void recordFailure(String login, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO login_failure (login, failed_at) VALUES (?,?)")) {
                ps.setString(1, login);
                Sql.setInstant(ps, 2, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Instant> failuresSince(String login, Instant since) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT failed_at FROM login_failure WHERE login=? AND failed_at>=? ORDER BY failed_at")) {
                ps.setString(1, login);
                Sql.setInstant(ps, 2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Instant> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(Sql.instant(rs, "failed_at"));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public void clearFailures(String login) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failure WHERE login=?")) {
                ps.setString(1, login);
                return ps.executeUpdate();
            }
        });
    }
}
