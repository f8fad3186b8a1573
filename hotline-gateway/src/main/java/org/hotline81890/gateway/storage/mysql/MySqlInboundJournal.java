package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.sms.InboundJournal;
import org.hotline81890.gateway.sms.JournaledSms;
import org.hotline81890.gateway.workorder.PendingTexts;
import org.hotline81890.gateway.workorder.PhoneNumbers;

/**
 * {@link InboundJournal} on MySQL (table sms_journal, V26). An append is one multi-row INSERT with bound parameters;
 * on a connection that allows multi-statements (the committers' lane) the COMMIT travels in the same packet, so a
 * batch costs one round trip. Claims are {@link Leases#claim}, the outbox's lease and SKIP LOCKED. As
 * {@link PendingTexts} it tells the survey wait whether a resident's text is still waiting behind the journal.
 */
public final class MySqlInboundJournal implements InboundJournal, PendingTexts {
    private static final String COLUMNS = "id, message_key, source, destination, text, parts_received, "
            + "parts_expected, received_at";
    private static final String ROW = "(?,?,?,?,?,?,?)";
    private final Transactions appends;
    private final Transactions tx;
    private final Clock clock;

    /** {@code appends} carries the acknowledgement path (a lane of its own); {@code tx} the stage's claims. */
    public MySqlInboundJournal(Transactions appends, Transactions tx, Clock clock) {
        this.appends = appends;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void append(List<JournaledSms> texts) {
        if (texts.isEmpty()) {
            return;
        }
        appends.read(c -> {
            boolean oneTrip = MultiRowInsert.allowsMultiQueries(c);
            String sql = "INSERT INTO sms_journal (message_key, source, destination, text, parts_received, "
                    + "parts_expected, received_at) VALUES " + String.join(",", Collections.nCopies(texts.size(), ROW))
                    + (oneTrip ? "; COMMIT" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (JournaledSms t : texts) {
                    ps.setString(i++, t.key());
                    ps.setString(i++, t.source());
                    ps.setString(i++, t.destination());
                    ps.setString(i++, t.text());
                    ps.setInt(i++, t.partsReceived());
                    ps.setInt(i++, t.partsExpected());
                    Sql.setInstant(ps, i++, t.receivedAt());
                }
                ps.execute();
                while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                    // drain the COMMIT's result; read() then has nothing left to commit
                }
            }
            return null;
        });
    }

    @Override
    public List<JournaledSms> fresh(int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sms_journal WHERE state='NEW'"
                    + " ORDER BY due_key, id LIMIT ?")) {
                ps.setInt(1, limit);
                List<JournaledSms> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void ticketed(List<Long> ids) {
        update("UPDATE sms_journal SET state='PENDING' WHERE state='NEW' AND id IN ", ids);
    }

    @Override
    public List<JournaledSms> claim(int limit, Duration lease) {
        return tx.inTransaction(c -> Leases.claim(c, "sms_journal", COLUMNS, ", attempts=attempts+1", clock.instant(),
                limit, lease, MySqlInboundJournal::row, JournaledSms::id));
    }

    private static JournaledSms row(ResultSet rs) throws SQLException {
        return new JournaledSms(rs.getLong("id"), rs.getString("message_key"), rs.getString("source"),
                rs.getString("destination"), rs.getString("text"), Sql.instant(rs, "received_at"),
                rs.getInt("parts_received"), rs.getInt("parts_expected"));
    }

    @Override
    public void done(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        update("UPDATE sms_journal SET state='DONE', claimed_until=NULL WHERE id IN ", ids);
    }

    private void update(String sql, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql + "(" + String.join(",",
                    Collections.nCopies(ids.size(), "?")) + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void retryLater(List<Long> ids, Duration after) {
        if (ids.isEmpty()) {
            return;
        }
        tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sms_journal SET claimed_until=? WHERE state="
                    + "'PENDING' AND id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")")) {
                Sql.setInstant(ps, 1, clock.instant().plus(after));
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 2, ids.get(i));
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int purgeDoneBefore(Instant cutoff) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sms_journal WHERE state='DONE' AND due_key<?"
                    + " LIMIT 10000")) {
                Sql.setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Reads the unprocessed rows from the {@code (state, due_key)} index (no index on the sender: every append would
     * pay for it, and this runs once per survey deadline); the sender as the SMSC wrote it is compared normalised.
     */
    @Override
    public boolean anyFrom(String callerNumber, Instant by) {
        String caller = PhoneNumbers.normalise(callerNumber);
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source FROM sms_journal WHERE state IN"
                    + " ('NEW','PENDING') AND received_at<=?")) {
                Sql.setInstant(ps, 1, by);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (sameNumber(rs.getString(1), caller)) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        });
    }

    private static boolean sameNumber(String source, String caller) {
        try {
            return PhoneNumbers.normalise(source).equals(caller);
        } catch (IllegalArgumentException e) {
            return false; // not a number the intake could open an order for either
        }
    }

    @Override
    public Lag lag() {
        return tx.read(c -> {
            long pending;
            long first;
            // Both answered from the (state, due_key) index, which carries the id: no row is read for the count.
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(MIN(id), 0) FROM sms_journal"
                    + " WHERE state IN ('NEW','PENDING')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
                first = rs.getLong(2);
            }
            if (pending == 0) {
                return new Lag(0, Optional.empty());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT received_at FROM sms_journal WHERE id=?")) {
                ps.setLong(1, first);
                try (ResultSet rs = ps.executeQuery()) {
                    return new Lag(pending, rs.next() ? Optional.of(Sql.instant(rs, "received_at")) : Optional.empty());
                }
            }
        });
    }
}
