package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.hotline81890.gateway.sms.TicketReservations;
import org.hotline81890.gateway.workorder.TicketNumber;

/**
 * {@link TicketReservations} on MySQL (table sms_ticket, V33): per batch one transaction of four statements at most,
 * whatever its size: the keys already stored as orders, the keys reserved before, the new tickets checked against
 * orders and reservations ({@link BatchRows#freeTickets}), one multi-row INSERT IGNORE (a key or ticket taken
 * meanwhile by another node keeps that node's row), and the rows read back only when one of them was ignored.
 */
public final class MySqlTicketReservations implements TicketReservations {
    private final Transactions tx;
    private final RandomGenerator random;

    public MySqlTicketReservations(Transactions tx, RandomGenerator random) {
        this.tx = tx;
        this.random = random;
    }

    @Override
    public Map<String, TicketNumber> reserve(Collection<String> messageKeys, Instant now) {
        List<String> keys = messageKeys.stream().distinct().toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(c -> {
            Set<String> ordered = strings(c, "SELECT idempotency_key FROM work_order WHERE idempotency_key IN ", keys);
            List<String> open = keys.stream().filter(k -> !ordered.contains(k)).toList();
            Map<String, TicketNumber> out = reserved(c, open);
            List<String> missing = open.stream().filter(k -> !out.containsKey(k)).toList();
            if (missing.isEmpty()) {
                return out;
            }
            List<TicketNumber> drawn = BatchRows.freeTickets(c, missing.size(), random);
            if (insert(c, missing, drawn, now) == missing.size()) {
                // every row went in as drawn (INSERT IGNORE counts the rows it inserted): no read back (ADR 0054)
                for (int i = 0; i < missing.size(); i++) {
                    out.put(missing.get(i), drawn.get(i));
                }
            } else {
                out.putAll(reserved(c, missing)); // a key or ticket taken meanwhile by another node keeps its row
            }
            return out;
        });
    }

    @Override
    public Map<String, TicketNumber> reserved(Collection<String> messageKeys) {
        List<String> keys = messageKeys.stream().distinct().toList();
        return keys.isEmpty() ? Map.of() : tx.read(c -> reserved(c, keys));
    }

    /** How many rows went in. */
    private static int insert(Connection c, List<String> keys, List<TicketNumber> tickets, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO sms_ticket (message_key, ticket, "
                + "created_at) VALUES " + String.join(",", Collections.nCopies(keys.size(), "(?,?,?)")))) {
            int i = 1;
            for (int k = 0; k < keys.size(); k++) {
                ps.setString(i++, keys.get(k));
                ps.setString(i++, tickets.get(k).value());
                Sql.setInstant(ps, i++, now);
            }
            return ps.executeUpdate();
        }
    }

    private static Map<String, TicketNumber> reserved(Connection c, List<String> keys) throws SQLException {
        Map<String, TicketNumber> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT message_key, ticket FROM sms_ticket WHERE"
                + " message_key IN " + marks(keys.size()))) {
            bind(ps, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), TicketNumber.of(rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static Set<String> strings(Connection c, String sql, List<String> keys) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql + marks(keys.size()))) {
            bind(ps, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String marks(int n) {
        return "(" + String.join(",", Collections.nCopies(n, "?")) + ")";
    }

    private static void bind(PreparedStatement ps, List<String> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            ps.setString(i + 1, keys.get(i));
        }
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sms_ticket WHERE created_at<? LIMIT 10000")) {
                Sql.setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }
}
