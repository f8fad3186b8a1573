package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.hotline81890.gateway.channel.smpp.DedupWindow;

/**
 * {@link DedupWindow} on the {@code sms_key_episode} table (V5): one multi-row upsert (auto-commit) that starts a
 * new episode for every key first seen before now - window, then one read of the keys past episode 0. The upsert
 * takes each key's row lock, so concurrent arrivals of one key (two committers, two nodes) agree on the episode.
 */
public final class MySqlSmsKeyEpisodes implements DedupWindow {
    private final Transactions tx;
    private final Clock clock;
    private final Duration window;

    public MySqlSmsKeyEpisodes(Transactions tx, Clock clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dedup window must be positive: " + window);
        }
        this.tx = tx;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public Map<String, String> current(Collection<String> keys) {
        Map<String, String> out = DedupWindow.identity(keys);
        // Sorted: two committers upserting overlapping keys lock them in the same order (no deadlock).
        List<String> hashes = keys.stream().filter(k -> k.startsWith(HASH_PREFIX)).distinct().sorted().toList();
        if (hashes.isEmpty()) {
            return out;
        }
        Instant now = Sql.millis(clock.instant());
        String cutoff = Sql.text(now.minus(window));
        String in = String.join(",", hashes.stream().map(k -> "?").toList());
        tx.read(c -> {
            // Assignments run left to right and see earlier ones: episode is computed from the OLD first_seen.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sms_key_episode (hash_key, episode, "
                    + "first_seen) VALUES " + String.join(",", hashes.stream().map(k -> "(?,0,?)").toList())
                    + " ON DUPLICATE KEY UPDATE episode = IF(first_seen < ?, episode + 1, episode),"
                    + " first_seen = IF(first_seen < ?, VALUES(first_seen), first_seen)")) {
                int i = 1;
                for (String k : hashes) {
                    ps.setString(i++, k);
                    Sql.setInstant(ps, i++, now);
                }
                ps.setString(i++, cutoff);
                ps.setString(i, cutoff);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT hash_key, episode FROM sms_key_episode "
                    + "WHERE episode > 0 AND hash_key IN (" + in + ")")) {
                for (int i = 0; i < hashes.size(); i++) {
                    ps.setString(i + 1, hashes.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String k = rs.getString(1);
                        out.put(k, DedupWindow.episodeKey(k, rs.getInt(2)));
                    }
                }
            }
            return out;
        });
        return out;
    }
}
