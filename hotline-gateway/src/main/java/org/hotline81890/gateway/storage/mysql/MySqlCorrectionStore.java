package org.hotline81890.gateway.storage.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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
        long id = tx.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO match_correction (text, text_key, text_hash,"
                    + " matcher_first, chosen, request_type, agent, ticket, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, c.text());
                ps.setString(2, c.textKey());
                ps.setBytes(3, hash(c.textKey()));
                ps.setString(4, c.matcherFirst());
                ps.setString(5, c.chosen());
                ps.setString(6, c.requestType());
                ps.setString(7, c.agent());
                Sql.setText(ps, 8, c.ticket());
                Sql.setInstant(ps, 9, c.at());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Correction> find(long id) {
        List<Correction> found = query("SELECT " + COLUMNS + " FROM match_correction WHERE id = ?",
                ps -> ps.setLong(1, id));
        return found.stream().findFirst();
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
        return tx.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE match_correction SET confirmed_at = ?,"
                    + " confirmed_by = ? WHERE id = ? AND confirmed_at IS NULL")) {
                Sql.setInstant(ps, 1, at);
                ps.setString(2, by);
                ps.setLong(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Correction> confirmed() {
        return query("SELECT " + COLUMNS + " FROM match_correction WHERE confirmed_at IS NOT NULL ORDER BY id",
                ps -> { });
    }

    @Override
    public List<Correction> pending(int limit) {
        return query("SELECT " + COLUMNS + " FROM match_correction WHERE confirmed_at IS NULL ORDER BY id DESC LIMIT ?",
                ps -> ps.setInt(1, limit));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Correction> query(String sql, Binder binder) {
        return tx.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Correction> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Correction(rs.getLong("id"), rs.getString("text"), rs.getString("matcher_first"),
                                rs.getString("chosen"), rs.getString("request_type"), rs.getString("agent"),
                                Sql.optText(rs, "ticket"), Sql.instant(rs, "created_at"),
                                Sql.optInstant(rs, "confirmed_at"), Sql.optText(rs, "confirmed_by")));
                    }
                    return out;
                }
            }
        });
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
