package org.hotline81890.gateway.storage.mysql;

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
        tx.inTransaction(c -> Sql.update(c, "INSERT INTO web_session (token_hash, person_id, csrf_token, created_at, "
                + "last_seen_at) VALUES (?,?,?,?,?)", ps -> {
                    ps.setBytes(1, tokenHash);
                    ps.setLong(2, personId);
                    ps.setString(3, csrfToken);
                    Sql.setInstant(ps, 4, at);
                    Sql.setInstant(ps, 5, at);
                }));
    }

    @Override
    public Optional<Stored> find(byte[] tokenHash) {
        return tx.read(c -> Sql.first(c, "SELECT " + MySqlPersonStore.COLUMNS
                + ", s.csrf_token, s.last_seen_at FROM web_session s JOIN person p ON p.id=s.person_id "
                + "WHERE s.token_hash=?", ps -> ps.setBytes(1, tokenHash),
                rs -> new Stored(MySqlPersonStore.person(rs), rs.getString("csrf_token"),
                        Sql.instant(rs, "last_seen_at"))));
    }

    @Override
    public void touch(byte[] tokenHash, Instant at) {
        tx.read(c -> Sql.update(c, "UPDATE web_session SET last_seen_at=? WHERE token_hash=?", ps -> {
            Sql.setInstant(ps, 1, at);
            ps.setBytes(2, tokenHash);
        }));
    }

    @Override
    public void end(byte[] tokenHash) {
        tx.read(c -> Sql.update(c, "DELETE FROM web_session WHERE token_hash=?", ps -> ps.setBytes(1, tokenHash)));
    }

    @Override
    public void endAllOf(long personId) {
        tx.read(c -> Sql.update(c, "DELETE FROM web_session WHERE person_id=?", ps -> ps.setLong(1, personId)));
    }

    @Override
    public int endIdleBefore(Instant before) {
        return tx.read(c -> Sql.update(c, "DELETE FROM web_session WHERE last_seen_at<?",
                ps -> Sql.setInstant(ps, 1, before)));
    }
}
