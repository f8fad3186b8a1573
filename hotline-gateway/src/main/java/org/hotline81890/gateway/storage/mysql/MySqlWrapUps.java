package org.hotline81890.gateway.storage.mysql;

import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.voice.WrapUps;

/** The agents' after-call work in table {@code agent_wrap_up} (V20, signed_out_at V34). */
public final class MySqlWrapUps implements WrapUps {
    private final Transactions tx;

    public MySqlWrapUps(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void begin(String extension, String uniqueId, Instant at) {
        tx.inTransaction(c -> Sql.update(c, "INSERT IGNORE INTO agent_wrap_up (extension, unique_id, started_at) "
                + "VALUES (?, ?, ?)", ps -> {
                    ps.setString(1, extension);
                    ps.setString(2, uniqueId);
                    Sql.setInstant(ps, 3, at);
                }));
    }

    @Override
    public Optional<Open> open(String extension) {
        return tx.read(c -> Sql.first(c, "SELECT id, extension, unique_id, started_at, signed_out_at "
                + "FROM agent_wrap_up WHERE extension = ? AND finished_at IS NULL ORDER BY started_at DESC, id DESC "
                + "LIMIT 1", ps -> ps.setString(1, extension), rs -> new Open(rs.getLong("id"),
                        rs.getString("extension"), rs.getString("unique_id"), Sql.instant(rs, "started_at"),
                        rs.getTimestamp("signed_out_at") != null)));
    }

    @Override
    public void signedOut(long id, Instant at) {
        tx.inTransaction(c -> Sql.update(c, "UPDATE agent_wrap_up SET signed_out_at = ? WHERE id = ? "
                + "AND finished_at IS NULL AND signed_out_at IS NULL", ps -> {
                    Sql.setInstant(ps, 1, at);
                    ps.setLong(2, id);
                }));
    }

    @Override
    public boolean finish(long id, String code, String agent, Instant at) {
        // Finishing the latest closes any older one left open too (a desk that missed a call's end).
        return tx.inTransaction(c -> Sql.update(c, "UPDATE agent_wrap_up w JOIN agent_wrap_up l ON "
                + "l.id = ? AND w.extension = l.extension SET w.code = ?, w.finished_by = ?, w.finished_at = ? "
                + "WHERE w.finished_at IS NULL AND w.id <= l.id", ps -> {
                    ps.setLong(1, id);
                    ps.setString(2, code);
                    ps.setString(3, agent);
                    Sql.setInstant(ps, 4, at);
                })) > 0;
    }
}
