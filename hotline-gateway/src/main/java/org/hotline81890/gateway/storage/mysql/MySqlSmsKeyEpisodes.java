package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.sms.RepeatAfterWindow;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore.PendingCreate;
import org.hotline81890.gateway.workorder.WorkOrderStore.Created;

/**
 * {@link DedupWindow} on what is stored: persists the episodes that {@link RepeatAfterWindow} starts. A hash key with
 * nothing stored under it, or stored within the window, keeps its key (episode 0). Only a key whose episode-0 row is
 * older than the window goes to the {@code sms_key_episode} table: one multi-row upsert starts a new episode for every
 * such key, then one read gives the episodes.
 * <ul>
 * <li>{@link #createAll} (the group commit's batch) stores the batch under its keys as they are; the part of it the
 * rule calls a new request is stored again under its episode's key, in the same transaction.</li>
 * <li>{@link #current} (a note over the rate limit) reads when the key was stored, as an order or a note.</li>
 * </ul>
 * Concurrent first arrivals of one key meet on the unique key of work_order (or sms_note): the loser finds the
 * winner's row. Concurrent repeats after the window take the episode row's lock and agree on the episode.
 */
public final class MySqlSmsKeyEpisodes implements DedupWindow {
    private final Transactions tx;
    private final Clock clock;
    private final RepeatAfterWindow rule;

    public MySqlSmsKeyEpisodes(Transactions tx, Clock clock, RepeatAfterWindow rule) {
        this.tx = tx;
        this.clock = clock;
        this.rule = rule;
    }

    /**
     * {@link MySqlWorkOrderStore#createAll} of {@code batch}, with a hash key whose order was stored before the
     * window moved to its next episode: that order is the same text days later, a new request.
     */
    public List<Created> createAll(MySqlWorkOrderStore store, List<PendingCreate> batch) {
        return tx.inTransaction(c -> {
            List<Created> out = new ArrayList<>(store.createAll(batch));
            Instant now = Sql.millis(clock.instant());
            Instant cutoff = rule.cutoff(now);
            List<Integer> repeats = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                if (!out.get(i).fresh() && rule.isNewRequest(out.get(i).workOrder(), now)) {
                    repeats.add(i);
                }
            }
            if (repeats.isEmpty()) {
                return out;
            }
            Map<String, String> keys = new HashMap<>();
            nextEpisodes(c, repeats.stream().map(i -> out.get(i).workOrder().idempotencyKey()).distinct().sorted()
                    .toList(), now, Sql.text(cutoff), keys);
            List<PendingCreate> again = repeats.stream().map(i -> batch.get(i)).map(p -> new PendingCreate(
                    p.order().withIdempotencyKey(keys.get(p.order().idempotencyKey())), p.events(), p.effects()))
                    .toList();
            List<Created> stored = store.createAll(again);
            for (int j = 0; j < repeats.size(); j++) {
                out.set(repeats.get(j), stored.get(j));
            }
            return out;
        });
    }

    @Override
    public Map<String, String> current(Collection<String> keys) {
        Map<String, String> out = DedupWindow.identity(keys);
        // Sorted: two committers upserting overlapping keys lock them in the same order (no deadlock).
        List<String> hashes = keys.stream().filter(RepeatAfterWindow::appliesTo).distinct().sorted().toList();
        if (hashes.isEmpty()) {
            return out;
        }
        Instant now = Sql.millis(clock.instant());
        String cutoff = Sql.text(rule.cutoff(now));
        tx.read(c -> {
            List<String> old = storedBefore(c, hashes, cutoff);
            if (!old.isEmpty()) {
                nextEpisodes(c, old, now, cutoff, out);
            }
            return out;
        });
        return out;
    }

    /** The keys of {@code hashes} with a work order or a note stored under them before {@code cutoff}, sorted. */
    private static List<String> storedBefore(Connection c, List<String> hashes, String cutoff) throws SQLException {
        String marks = String.join(",", hashes.stream().map(k -> "?").toList());
        List<String> old = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key FROM work_order WHERE idempotency_key "
                + "IN (" + marks + ") AND created_at < ? UNION SELECT idempotency_key FROM sms_note WHERE "
                + "idempotency_key IN (" + marks + ") AND received_at < ?")) {
            int i = bindKeys(ps, 1, hashes);
            ps.setString(i++, cutoff);
            i = bindKeys(ps, i, hashes);
            ps.setString(i, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    old.add(rs.getString(1));
                }
            }
        }
        old.sort(null);
        return old;
    }

    /**
     * Episode 1 for a key with no episode row yet; the next episode for one whose episode started before the
     * cutoff; the same episode otherwise (the SMSC redelivering a repeat). Assignments run left to right and see
     * earlier ones: the episode is computed from the OLD first_seen.
     */
    private static void nextEpisodes(Connection c, List<String> old, Instant now, String cutoff,
                                     Map<String, String> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sms_key_episode (hash_key, episode, first_seen) "
                + "VALUES " + String.join(",", old.stream().map(k -> "(?,1,?)").toList())
                + " ON DUPLICATE KEY UPDATE episode = IF(first_seen < ?, episode + 1, episode),"
                + " first_seen = IF(first_seen < ?, VALUES(first_seen), first_seen)")) {
            int i = 1;
            for (String k : old) {
                ps.setString(i++, k);
                Sql.setInstant(ps, i++, now);
            }
            ps.setString(i++, cutoff);
            ps.setString(i, cutoff);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT hash_key, episode FROM sms_key_episode "
                + "WHERE hash_key IN (" + String.join(",", old.stream().map(k -> "?").toList()) + ")")) {
            bindKeys(ps, 1, old);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), DedupWindow.episodeKey(rs.getString(1), rs.getInt(2)));
                }
            }
        }
    }

    private static int bindKeys(PreparedStatement ps, int from, List<String> keys) throws SQLException {
        int i = from;
        for (String k : keys) {
            ps.setString(i++, k);
        }
        return i;
    }
}
