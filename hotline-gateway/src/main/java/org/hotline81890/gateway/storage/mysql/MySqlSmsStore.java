package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline81890.gateway.sms.AcceptedPart;
import org.hotline81890.gateway.sms.DeliveryReceipt;
import org.hotline81890.gateway.sms.SmsNotes;
import org.hotline81890.gateway.sms.SmsPreferences;
import org.hotline81890.gateway.sms.SubmissionLog;
import org.hotline81890.gateway.workorder.WorkOrderId;

/** The SMS channel's own tables (V2): submitted parts and receipts, notes over the rate limit, preferences. */
public final class MySqlSmsStore implements SubmissionLog, SmsPreferences, SmsNotes {
    private final Transactions tx;
    private final Clock clock;

    public MySqlSmsStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Map<Integer, String> accepted(long outboxId) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT part_no, message_id FROM sms_submission WHERE outbox_id=?")) {
                ps.setLong(1, outboxId);
                Map<Integer, String> out = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getInt(1), rs.getString(2));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void recordAccepted(long outboxId, int partNo, int parts, String messageId, String destination) {
        // One statement, so auto-commit: 1 round trip instead of 4 (autocommit off, insert, commit, autocommit on)
        // for every part of every reply, on the pool the outbox relay shares.
        tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO sms_submission (outbox_id, part_no, "
                    + "parts, message_id, destination, state, submitted_at) VALUES (?,?,?,?,?,'SUBMITTED',?)")) {
                ps.setLong(1, outboxId);
                ps.setInt(2, partNo);
                ps.setInt(3, parts);
                ps.setString(4, messageId);
                ps.setString(5, destination);
                Sql.setInstant(ps, 6, clock.instant());
                return ps.executeUpdate();
            }
        });
    }

    /** One multi-row INSERT IGNORE (auto-commit) for parts of many replies: see GroupedSubmissions. */
    @Override
    public void recordAllAccepted(List<AcceptedPart> parts) {
        if (parts.isEmpty()) {
            return;
        }
        String at = Sql.text(clock.instant());
        tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO sms_submission (outbox_id, part_no, "
                    + "parts, message_id, destination, state, submitted_at) VALUES "
                    + String.join(",", Collections.nCopies(parts.size(), "(?,?,?,?,?,'SUBMITTED',?)")))) {
                int i = 1;
                for (AcceptedPart p : parts) {
                    ps.setLong(i++, p.outboxId());
                    ps.setInt(i++, p.partNo());
                    ps.setInt(i++, p.parts());
                    ps.setString(i++, p.messageId());
                    ps.setString(i++, p.destination());
                    ps.setString(i++, at);
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int applyReceipt(DeliveryReceipt r) {
        if (!r.status().isFinal()) {
            return 0;
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sms_submission SET state=?, receipt_stat=?, "
                    + "receipt_err=?, receipt_at=? WHERE message_id=? AND state='SUBMITTED'")) {
                ps.setString(1, r.delivered() ? "DELIVERED" : "FAILED");
                ps.setString(2, r.status().name().length() > 16 ? r.status().name().substring(0, 16)
                        : r.status().name());
                Sql.setText(ps, 3, r.errorCode().map(e -> e.length() > 16 ? e.substring(0, 16) : e));
                Sql.setInstant(ps, 4, clock.instant());
                ps.setString(5, r.messageId());
                return ps.executeUpdate();
            }
        });
    }

    /** The state of one submitted part (SUBMITTED, DELIVERED, FAILED), for people and tests. */
    public java.util.Optional<String> submissionState(String messageId) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state FROM sms_submission WHERE message_id=?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean notificationsOn(String phone) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT notifications FROM sms_preference WHERE phone=?")) {
                ps.setString(1, phone);
                try (ResultSet rs = ps.executeQuery()) {
                    return !rs.next() || rs.getBoolean(1);
                }
            }
        });
    }

    @Override
    public void setNotifications(String phone, boolean on) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sms_preference (phone, notifications, "
                    + "updated_at) VALUES (?,?,?) ON DUPLICATE KEY UPDATE notifications=VALUES(notifications), "
                    + "updated_at=VALUES(updated_at)")) {
                ps.setString(1, phone);
                ps.setBoolean(2, on);
                Sql.setInstant(ps, 3, clock.instant());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean attach(String idempotencyKey, WorkOrderId workOrder, String callerNumber, String text) {
        Instant now = Sql.millis(clock.instant());
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO sms_note (idempotency_key, "
                    + "work_order_id, caller_number, text, received_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, idempotencyKey);
                ps.setLong(2, workOrder.value());
                ps.setString(3, callerNumber);
                ps.setString(4, text);
                Sql.setInstant(ps, 5, now);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            appendNoteEvent(c, workOrder, now, text);
            return true;
        });
    }

    /** The note joins the order's history as an event that keeps the state (from = to = current state). */
    private static void appendNoteEvent(java.sql.Connection c, WorkOrderId id, Instant now, String text)
            throws SQLException {
        String details = "SMS over the rate limit, kept with this order: " + text;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_order_event (work_order_id, at, actor, "
                + "channel, from_state, to_state, details) SELECT id, ?, 'resident', 'SMS', state, state, ? "
                + "FROM work_order WHERE id=?")) {
            Sql.setInstant(ps, 1, now);
            ps.setString(2, details.length() > 4000 ? details.substring(0, 4000) : details);
            ps.setLong(3, id.value());
            ps.executeUpdate();
        }
    }

    @Override
    public int count(WorkOrderId workOrder) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sms_note WHERE work_order_id=?")) {
                ps.setLong(1, workOrder.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
