package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.people.SessionStore;

/** Web sessions in {@code web_session}, read with their person so a role change or a disable acts at once. */
public final class MySqlSessionStore implements SessionStore {
    private final Transactions tx;

    public MySqlSessionStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void create(byte[] tokenHash, long personId, String csrfToken, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_session (token_hash, person_id, "
                    + "csrf_token, created_at, last_seen_at) VALUES (?,?,?,?,?)")) {
                ps.setBytes(1, tokenHash);
                ps.setLong(2, personId);
                ps.setString(3, csrfToken);
                Sql.setInstant(ps, 4, at);
                Sql.setInstant(ps, 5, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Stored> find(byte[] tokenHash) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MySqlPersonStore.COLUMNS
                    + ", s.csrf_token, s.last_seen_at FROM web_session s JOIN person p ON p.id=s.person_id "
                    + "WHERE s.token_hash=?")) {
                ps.setBytes(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(MySqlPersonStore.person(rs), rs.getString("csrf_token"),
                            Sql.instant(rs, "last_seen_at"))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void touch(byte[] tokenHash, Instant at) {
        tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE web_session SET last_seen_at=? WHERE token_hash=?")) {
                Sql.setInstant(ps, 1, at);
                ps.setBytes(2, tokenHash);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void end(byte[] tokenHash) {
        tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE token_hash=?")) {
                ps.setBytes(1, tokenHash);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void endAllOf(long personId) {
        tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE person_id=?")) {
                ps.setLong(1, personId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int endIdleBefore(Instant before) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE last_seen_at<?")) {
                Sql.setInstant(ps, 1, before);
                return ps.executeUpdate();
            }
        });
    }
}
