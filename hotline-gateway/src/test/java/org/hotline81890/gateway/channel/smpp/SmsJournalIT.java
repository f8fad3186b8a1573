package org.hotline81890.gateway.channel.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.sms.JournaledSms;
import org.hotline81890.gateway.storage.mysql.MySqlInboundJournal;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMS intake journal (issue 18) through the node SMSC on real MariaDB: the ack follows the journal row, the order
 * follows the ack; a redelivery after the ack, a row processed twice, and rows left by a gateway killed between the
 * journal's commit and the order's each end as one order with one acknowledgement.
 */
class SmsJournalIT {
    private static final Duration WAIT = SmsGateway.WAIT;
    private static final String ACCEPTED = "您的诉求已受理";
    @TempDir
    static Path dataDir;
    static SmsGateway sms;
    static TestDatabase db;
    static SmscProcess smsc;

    @BeforeAll
    static void start() throws Exception {
        sms = SmsGateway.start(dataDir, "it-token-journal-0123456789", Map.of("HOTLINE_SMPP_JOURNAL", "true"),
                "--redeliver-ms", "200");
        db = sms.db();
        smsc = sms.smsc();
    }

    @AfterAll
    static void stop() {
        if (sms != null) {
            sms.close();
        }
    }

    @Test
    void aRedeliveryAfterTheAckFindsItsOrderAndNoSecondReplyGoesOut() {
        String phone = SmsRepliesIT.phone();
        ack(deliver(phone, "小区垃圾三天没人清运", 1));
        assertThat(orders(phone)).hasSize(1);
        awaitReplies(phone, ACCEPTED);
        long replies = count("SELECT COUNT(*) FROM outbox WHERE destination=? AND kind='sms'", phone);

        // The SMSC sends it once more after the reply went out (its ledger lost our resp): its own journal row.
        ack(deliver(phone, "小区垃圾三天没人清运", 0));
        assertThat(journalRows(phone)).as("first arrival, the lost resp's redelivery, the late one").isEqualTo(3);
        assertThat(orders(phone)).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE destination=? AND kind='sms'", phone)).isEqualTo(replies);
    }

    @Test
    void aRowProcessedTwiceOpensOneOrder() {
        String phone = SmsRepliesIT.phone();
        ack(deliver(phone, "楼道灯坏了好几天了", 0));
        WorkOrder w = orders(phone).get(0);
        long replies = count("SELECT COUNT(*) FROM outbox WHERE destination=?", phone);

        // As if the stage died after the order's commit and before marking the row done.
        update("UPDATE sms_journal SET state='PENDING', claimed_until=NULL WHERE source=?", phone);
        JournalDrained.await(db.database().dataSource(), WAIT);

        assertThat(orders(phone)).singleElement().extracting(WorkOrder::id).isEqualTo(w.id());
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE destination=?", phone)).isEqualTo(replies);
    }

    @Test
    void rowsJournaledBeforeAKillOpenTheirOrdersOnceAfterTheRestart() throws Exception {
        sms.stopApp();
        // What a gateway killed between the journal's commit and the order's leaves behind: acknowledged rows, one
        // of them twice (the SMSC redelivered it before the kill), one claimed by the stage that died with it.
        String twice = SmsRepliesIT.phone();
        String claimed = SmsRepliesIT.phone();
        MySqlInboundJournal journal = new MySqlInboundJournal(db.database().transactions(),
                db.database().transactions(), Clock.systemUTC());
        JournaledSms again = text(twice, "路灯不亮了，请派人修理");
        journal.append(List.of(again, again));
        journal.append(List.of(text(claimed, "下水道堵塞，污水外溢")));
        List<JournaledSms> leased = journal.claim(10, Duration.ofSeconds(3));
        assertThat(leased).extracting(JournaledSms::source).containsExactly(twice, twice, claimed);
        journal.retryLater(leased.subList(0, 2).stream().map(JournaledSms::id).toList(), Duration.ZERO);

        sms.startApp();
        JournalDrained.await(db.database().dataSource(), WAIT);

        assertThat(orders(twice)).hasSize(1);
        assertThat(orders(claimed)).hasSize(1);
        awaitReplies(twice, ACCEPTED);
        awaitReplies(claimed, ACCEPTED);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE destination=? AND kind='sms'", twice))
                .isEqualTo(count("SELECT COUNT(*) FROM outbox WHERE destination=? AND kind='sms'", claimed));
    }

    @Test
    void metricsShowTheJournalsBacklog() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sms.app().httpPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("hotline_sms_journal_pending").contains("hotline_sms_journal_oldest_age_seconds");
        String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sms.app().httpPort()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(new JsonObject(health).getJsonObject("checks").getString("sms-journal")).isEqualTo("UP");
    }

    private static JournaledSms text(String phone, String body) {
        return new JournaledSms(0, "smsc:" + UUID.randomUUID(), phone, "81890", body,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), 1, 1);
    }

    private static int deliver(String phone, String text, int loseResps) {
        return sms.deliver(phone, text, loseResps);
    }

    /** Waits for the OK resp of ledger entry {@code id}, then for the journal to be processed. */
    private static void ack(int id) {
        smsc.await(e -> "resp".equals(e.getString("event")) && e.getInteger("id") == id
                && Integer.valueOf(0).equals(e.getValue("status")), WAIT);
        JournalDrained.await(db.database().dataSource(), WAIT);
    }

    private static void awaitReplies(String phone, String containing) {
        Eventually.waitFor("a reply to " + phone, WAIT, () -> smsc.events().stream()
                .anyMatch(e -> "submit".equals(e.getString("event")) && phone.equals(e.getString("dest"))
                        && e.getString("text", "").contains(containing)));
    }

    private static List<WorkOrder> orders(String phone) {
        return sms.orders(phone);
    }

    private static long journalRows(String phone) {
        return count("SELECT COUNT(*) FROM sms_journal WHERE source=? AND state='DONE'", phone);
    }

    private static long count(String sql, String arg) {
        try (Connection c = db.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, String arg) {
        try (Connection c = db.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
