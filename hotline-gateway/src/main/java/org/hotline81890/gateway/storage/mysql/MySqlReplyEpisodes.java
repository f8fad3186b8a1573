package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.sms.ReplyKeys;

/**
 * {@link ReplyKeys} on the {@code sms_reply_episode} table (V11): one upsert under the key's row lock and one read
 * per command text (never for an ordinary request's first arrival, the hot path). Hash keys only.
 */
public final class MySqlReplyEpisodes implements ReplyKeys {
    private final Transactions tx;
    private final Clock clock;
    private final Duration window;

    public MySqlReplyEpisodes(Transactions tx, Clock clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("redelivery window must be positive: " + window);
        }
        this.tx = tx;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public String replyKey(String messageKey, Instant since, Instant at) {
        if (!messageKey.startsWith(DedupWindow.HASH_PREFIX)) {
            return ReplyKeys.episodeKey(messageKey, 0);
        }
        // Judged at the arrival (issue 18): a journaled text may be processed long after it was acknowledged.
        Instant clockNow = clock.instant();
        Instant now = Sql.millis(at.isAfter(clockNow) ? clockNow : at);
        Instant first = Sql.millis(since.isAfter(now) ? now : since);
        String cutoff = Sql.text(now.minus(window));
        int episode = tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sms_reply_episode (message_key, episode, "
                    + "first_seen) VALUES (?, IF(? < ?, 1, 0), IF(? < ?, ?, ?)) ON DUPLICATE KEY UPDATE "
                    + "episode = IF(first_seen < ?, episode + 1, episode), "
                    + "first_seen = IF(first_seen < ?, VALUES(first_seen), first_seen)")) {
                ps.setString(1, messageKey);
                Sql.setInstant(ps, 2, first);
                ps.setString(3, cutoff);
                Sql.setInstant(ps, 4, first);
                ps.setString(5, cutoff);
                Sql.setInstant(ps, 6, now);
                Sql.setInstant(ps, 7, first);
                ps.setString(8, cutoff);
                ps.setString(9, cutoff);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT episode FROM sms_reply_episode "
                    + "WHERE message_key=?")) {
                ps.setString(1, messageKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        return ReplyKeys.episodeKey(messageKey, episode);
    }
}
