package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The claim every work-queue table makes (outbox, deadline): the due rows that nobody holds, oldest first, locked
 * with {@code FOR UPDATE SKIP LOCKED} so several relays or nodes never take the same row, then leased for
 * {@code lease} in one UPDATE. The table has {@code state}, {@code due_key} and {@code claimed_until} columns, where
 * {@code due_key} (V7) is {@code GREATEST(due, COALESCE(claimed_until, due))}: due and not leased, on one index, so
 * the scan starts at the first due row and never reads leased ones (V8).
 */
final class Leases {
    /** Reads one claimed row. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Leases() {
    }

    /**
     * Claims up to {@code limit} due rows of {@code table}, reading {@code columns} of each; {@code alsoSet} is added
     * to the lease's SET clause (e.g. {@code ", attempts=attempts+1"}). Runs in the caller's transaction.
     */
    static <T> List<T> claim(Connection c, String table, String columns, String alsoSet, Instant now, int limit,
                             Duration lease, Row<T> row, ToLongFunction<T> id) throws SQLException {
        return claim(c, table, columns, alsoSet, Map.of(), now, limit, lease, row, id);
    }

    /** As above, passing over rows whose column (a key of {@code skip}) holds one of the values given for it. */
    static <T> List<T> claim(Connection c, String table, String columns, String alsoSet,
                             Map<String, Collection<String>> skip, Instant now, int limit, Duration lease, Row<T> row,
                             ToLongFunction<T> id) throws SQLException {
        return claim(c, table, columns, alsoSet, skip, now, now, limit, lease, row, id);
    }

    /**
     * As above, claiming only rows due by {@code dueBy} (not after {@code now}), leased for {@code lease} from
     * {@code now}: a relay that yields to other work takes only the rows that have waited long enough.
     */
    static <T> List<T> claim(Connection c, String table, String columns, String alsoSet,
                             Map<String, Collection<String>> skip, Instant dueBy, Instant now, int limit,
                             Duration lease, Row<T> row, ToLongFunction<T> id) throws SQLException {
        List<T> rows = new ArrayList<>();
        StringBuilder passOver = new StringBuilder();
        List<String> skipped = new ArrayList<>();
        skip.forEach((column, values) -> {
            if (!values.isEmpty()) {
                passOver.append(" AND ").append(column).append(" NOT IN (")
                        .append(String.join(",", Collections.nCopies(values.size(), "?"))).append(')');
                skipped.addAll(values);
            }
        });
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table
                + " WHERE state='PENDING' AND due_key<=?" + passOver
                + " ORDER BY due_key, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            Sql.setInstant(ps, 1, dueBy.isAfter(now) ? now : dueBy);
            int i = 2;
            for (String v : skipped) {
                ps.setString(i++, v);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
        }
        return lease(c, table, alsoSet, rows, now, lease, id);
    }

    /** Leases the rows just read {@code FOR UPDATE} for {@code lease} from {@code now}, in the caller's transaction. */
    static <T> List<T> lease(Connection c, String table, String alsoSet, List<T> rows, Instant now, Duration lease,
                             ToLongFunction<T> id) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        // One UPDATE for the whole claim: a JDBC batch of single-row UPDATEs goes in one packet
        // (rewriteBatchedStatements) but is still one statement per row for the server to parse and run.
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET claimed_until=?" + alsoSet
                + " WHERE id IN (" + String.join(",", Collections.nCopies(rows.size(), "?")) + ")")) {
            Sql.setInstant(ps, 1, now.plus(lease));
            for (int i = 0; i < rows.size(); i++) {
                ps.setLong(i + 2, id.applyAsLong(rows.get(i)));
            }
            ps.executeUpdate();
        }
        return rows;
    }

    /** When the first row of {@code table} falls due (or a lease runs out): one read of the {@code due_key} index. */
    static Optional<Instant> nextDue(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(due_key) AS due FROM " + table + " WHERE state='PENDING'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Sql.optInstant(rs, "due") : Optional.empty();
        }
    }

    /** Ends one row's lease with {@code sql}, whose two parameters are the time and the row's id. */
    static int settle(Connection c, String sql, Instant at, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.setInstant(ps, 1, at);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }
    }
}
