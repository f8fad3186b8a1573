package org.hotline81890.gateway.channel.smpp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.hotline81890.gateway.testing.Eventually;

/**
 * With the intake journal (smpp.journal, issue 18) the deliver_sm_resp follows the journal row's commit and the work
 * order follows a moment later: tests that look for the order after the ack wait here until no row is unprocessed.
 */
final class JournalDrained {
    private JournalDrained() {
    }

    static void await(DataSource ds, Duration wait) {
        Eventually.waitFor("the SMS journal processed", wait, () -> pending(ds) == 0);
    }

    static long pending(DataSource ds) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sms_journal"
                     + " WHERE state IN ('NEW','PENDING')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
