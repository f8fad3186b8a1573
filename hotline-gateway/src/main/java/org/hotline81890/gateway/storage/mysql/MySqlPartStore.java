package org.hotline81890.gateway.storage.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.sms.PartKey;
import org.hotline81890.gateway.sms.PartStore;
import org.hotline81890.gateway.sms.StagedPart;

/**
 * {@link PartStore} on MySQL (table sms_part). Completed messages keep their rows with completed_at set, so a part
 * redelivered after its message was committed is recognised (same text) rather than staged as a new message.
 */
public final class MySqlPartStore implements PartStore {
    private static final String KEY = "source=? AND destination=? AND ref=?";
    private final Transactions tx;
    private final Clock clock;

    public MySqlPartStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Saved save(StagedPart part) {
        String hash = sha256(part.text());
        return tx.inTransaction(c -> {
            // Insert first: a locking read of a missing row would take a gap lock, and the parts of one message
            // arrive concurrently (deadlock). Only when the row exists is it read, with a record lock.
            if (insert(c, part, hash)) {
                return Saved.STAGED;
            }
            Optional<String[]> known = existing(c, part);
            if (known.isEmpty()) {
                return Saved.STAGED;
            }
            boolean completed = known.get()[1] != null;
            if (!completed) {
                return Saved.STAGED;
            }
            if (known.get()[0].equals(hash)) {
                return Saved.ALREADY_COMPLETED;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sms_part WHERE " + KEY
                    + " AND completed_at IS NOT NULL")) {
                bindKey(ps, part.key());
                ps.executeUpdate();
            }
            insert(c, part, hash);
            return Saved.STAGED;
        });
    }

    private static Optional<String[]> existing(Connection c, StagedPart part) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT text_hash, completed_at FROM sms_part WHERE " + KEY
                + " AND seq=? FOR UPDATE")) {
            bindKey(ps, part.key());
            ps.setInt(4, part.sequence());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    private static boolean insert(Connection c, StagedPart p, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO sms_part (source, destination, ref, seq, "
                + "total, text, text_hash, fingerprint, smsc_message_id, received_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            bindKey(ps, p.key());
            ps.setInt(4, p.sequence());
            ps.setInt(5, p.total());
            ps.setString(6, p.text());
            ps.setString(7, hash);
            ps.setString(8, p.fingerprint().length() > 512 ? p.fingerprint().substring(0, 512) : p.fingerprint());
            Sql.setText(ps, 9, p.smscMessageId());
            Sql.setInstant(ps, 10, p.receivedAt());
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public List<StagedPart> load(PartKey key) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, total, text, fingerprint, smsc_message_id, "
                    + "received_at FROM sms_part WHERE " + KEY + " AND completed_at IS NULL")) {
                bindKey(ps, key);
                List<StagedPart> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StagedPart(key, rs.getInt("seq"), rs.getInt("total"), rs.getString("text"),
                                rs.getString("fingerprint"), Sql.optText(rs, "smsc_message_id"),
                                Sql.instant(rs, "received_at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void delete(PartKey key) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sms_part SET completed_at=? WHERE " + KEY
                    + " AND completed_at IS NULL")) {
                Sql.setInstant(ps, 1, clock.instant());
                ps.setString(2, key.source());
                ps.setString(3, key.destination());
                ps.setInt(4, key.reference());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<PartKey> keysStagedBefore(Instant cutoff) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT source, destination, ref FROM sms_part "
                    + "WHERE completed_at IS NULL AND received_at<? LIMIT 1000")) {
                Sql.setInstant(ps, 1, cutoff);
                List<PartKey> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PartKey(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                }
                return out;
            }
        });
    }

    /** Forgets completed messages older than {@code cutoff} (their parts can no longer be redelivered). */
    public int purgeCompletedBefore(Instant cutoff) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM sms_part WHERE completed_at IS NOT NULL AND completed_at<?")) {
                Sql.setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    private static void bindKey(PreparedStatement ps, PartKey key) throws SQLException {
        ps.setString(1, key.source());
        ps.setString(2, key.destination());
        ps.setInt(3, key.reference());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
