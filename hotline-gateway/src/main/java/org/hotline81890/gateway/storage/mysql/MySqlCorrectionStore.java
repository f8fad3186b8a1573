package org.hotline81890.gateway.storage.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.matching.Correction;
import org.hotline81890.gateway.matching.CorrectionStore;

/** The agents' corrections in table {@code match_correction} (V14); texts are found by a SHA-256 of their key. */
public final class MySqlCorrectionStore implements CorrectionStore {
    private static final String COLUMNS = "id, text, matcher_first, chosen, request_type, agent, ticket, created_at,"
            + " confirmed_at, confirmed_by";
    private final Transactions tx;

    public MySqlCorrectionStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Correction add(NewCorrection c) {
        long id = tx.inTransaction(conn -> Sql.insert(conn, "INSERT INTO match_correction (text, text_key, text_hash,"
                + " matcher_first, chosen, request_type, agent, ticket, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, c.text());
                    ps.setString(2, c.textKey());
                    ps.setBytes(3, hash(c.textKey()));
                    ps.setString(4, c.matcherFirst());
                    ps.setString(5, c.chosen());
                    ps.setString(6, c.requestType());
                    ps.setString(7, c.agent());
                    Sql.setText(ps, 8, c.ticket());
                    Sql.setInstant(ps, 9, c.at());
                }));
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Correction> find(long id) {
        return query("SELECT " + COLUMNS + " FROM match_correction WHERE id = ?", ps -> ps.setLong(1, id))
                .stream().findFirst();
    }

    @Override
    public List<Correction> agreeing(String textKey, String chosen) {
        return query("SELECT " + COLUMNS + " FROM match_correction WHERE text_hash = ? AND chosen = ? AND text_key = ?"
                + " ORDER BY id", ps -> {
                    ps.setBytes(1, hash(textKey));
                    ps.setString(2, chosen);
                    ps.setString(3, textKey);
                });
    }

    @Override
    public boolean confirm(long id, String by, Instant at) {
        return tx.inTransaction(conn -> Sql.update(conn, "UPDATE match_correction SET confirmed_at = ?,"
                + " confirmed_by = ? WHERE id = ? AND confirmed_at IS NULL", ps -> {
                    Sql.setInstant(ps, 1, at);
                    ps.setString(2, by);
                    ps.setLong(3, id);
                })) == 1;
    }

    @Override
    public List<Correction> confirmed() {
        return query("SELECT " + COLUMNS + " FROM match_correction WHERE confirmed_at IS NOT NULL ORDER BY id",
                Sql.NONE);
    }

    @Override
    public List<Correction> pending(int limit) {
        return query("SELECT " + COLUMNS + " FROM match_correction WHERE confirmed_at IS NULL ORDER BY id DESC LIMIT ?",
                ps -> ps.setInt(1, limit));
    }

    private List<Correction> query(String sql, Sql.Params params) {
        return tx.read(conn -> Sql.list(conn, sql, params, rs -> new Correction(rs.getLong("id"),
                rs.getString("text"), rs.getString("matcher_first"), rs.getString("chosen"),
                rs.getString("request_type"), rs.getString("agent"), Sql.optText(rs, "ticket"),
                Sql.instant(rs, "created_at"), Sql.optInstant(rs, "confirmed_at"), Sql.optText(rs, "confirmed_by"))));
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
