package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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
        return tx.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM person p WHERE p.login=?",
                ps -> ps.setString(1, login), MySqlPersonStore::person));
    }

    @Override
    public Optional<Person> find(long id) {
        return tx.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM person p WHERE p.id=?",
                ps -> ps.setLong(1, id), MySqlPersonStore::person));
    }

    static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("login"),
                Role.of(rs.getString("role")).orElseThrow(() -> new SQLException("unknown role in person table")),
                rs.getString("name"), Sql.optText(rs, "provider_id"), Sql.optText(rs, "extension"),
                rs.getBoolean("disabled"), Sql.instant(rs, "created_at"));
    }

    @Override
    public Optional<String> passwordHash(String login) {
        return tx.read(c -> Sql.first(c, "SELECT password_hash FROM person p WHERE p.login=? AND NOT p.disabled "
                + "AND NOT " + SUSPENDED, ps -> ps.setString(1, login), rs -> rs.getString(1)));
    }

    @Override
    public List<Person> all() {
        return tx.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM person p ORDER BY p.login", Sql.NONE,
                MySqlPersonStore::person));
    }

    @Override
    public boolean anyEnabled(Role role) {
        return tx.read(c -> Sql.first(c, "SELECT 1 FROM person WHERE role=? AND NOT disabled LIMIT 1",
                ps -> ps.setString(1, role.wire()), rs -> true)).isPresent();
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
        return tx.inTransaction(c -> Sql.update(c, sql, ps -> {
            ps.setObject(1, value);
            ps.setString(2, login);
        })) > 0;
    }

    @Override
    public void recordFailure(String login, Instant at) {
        tx.inTransaction(c -> Sql.update(c, "INSERT INTO login_failure (login, failed_at) VALUES (?,?)", ps -> {
            ps.setString(1, login);
            Sql.setInstant(ps, 2, at);
        }));
    }

    @Override
    public List<Instant> failuresSince(String login, Instant since) {
        return tx.read(c -> Sql.list(c, "SELECT failed_at FROM login_failure WHERE login=? AND failed_at>=? "
                + "ORDER BY failed_at", ps -> {
                    ps.setString(1, login);
                    Sql.setInstant(ps, 2, since);
                }, rs -> Sql.instant(rs, "failed_at")));
    }

    @Override
    public void clearFailures(String login) {
        tx.inTransaction(c -> Sql.update(c, "DELETE FROM login_failure WHERE login=?", ps -> ps.setString(1, login)));
    }
}
