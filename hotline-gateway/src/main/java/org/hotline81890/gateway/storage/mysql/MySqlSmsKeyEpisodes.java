package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.hotline81890.gateway.channel.smpp.DedupWindow;

/**
 * {@link DedupWindow} on the {@code sms_key_episode} table (V5): one multi-row upsert that starts a new episode for
 * every key first seen before now - window, then one read of the keys past episode 0. The upsert takes each key's
 * row lock, so concurrent arrivals of one key (two committers, two nodes) agree on the episode. Called inside a
 * transaction (the SMS group commit's batch) it joins it and commits with the orders; otherwise it commits alone.
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
        // Assignments run left to right and see earlier ones: episode is computed from the OLD first_seen.
        String upsert = "INSERT INTO sms_key_episode (hash_key, episode, first_seen) VALUES "
                + String.join(",", hashes.stream().map(k -> "(?,0,?)").toList())
                + " ON DUPLICATE KEY UPDATE episode = IF(first_seen < ?, episode + 1, episode),"
                + " first_seen = IF(first_seen < ?, VALUES(first_seen), first_seen)";
        String select = "SELECT hash_key, episode FROM sms_key_episode WHERE episode > 0 AND hash_key IN ("
                + String.join(",", hashes.stream().map(k -> "?").toList()) + ")";
        tx.read(c -> {
            if (MultiRowInsert.allowsMultiQueries(c)) {
                // Both in one round trip (the committers' pool allows multi-statements).
                try (PreparedStatement ps = c.prepareStatement(upsert + ";\n" + select)) {
                    int i = bindUpsert(ps, hashes, now, cutoff);
                    bindKeys(ps, i, hashes);
                    ps.execute();
                    while (!ps.getMoreResults() && ps.getUpdateCount() != -1) {
                        continue;
                    }
                    readEpisodes(ps.getResultSet(), out);
                }
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                bindUpsert(ps, hashes, now, cutoff);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(select)) {
                bindKeys(ps, 1, hashes);
                readEpisodes(ps.executeQuery(), out);
            }
            return out;
        });
        return out;
    }

    private static int bindUpsert(PreparedStatement ps, List<String> hashes, Instant now, String cutoff)
            throws SQLException {
        int i = 1;
        for (String k : hashes) {
            ps.setString(i++, k);
            Sql.setInstant(ps, i++, now);
        }
        ps.setString(i++, cutoff);
        ps.setString(i++, cutoff);
        return i;
    }

    private static void bindKeys(PreparedStatement ps, int from, List<String> hashes) throws SQLException {
        for (int i = 0; i < hashes.size(); i++) {
            ps.setString(from + i, hashes.get(i));
        }
    }

    private static void readEpisodes(ResultSet rs, Map<String, String> out) throws SQLException {
        if (rs == null) {
            throw new SQLException("no result set for the episode read");
        }
        try (rs) {
            while (rs.next()) {
                String k = rs.getString(1);
                out.put(k, DedupWindow.episodeKey(k, rs.getInt(2)));
            }
        }
    }
}
