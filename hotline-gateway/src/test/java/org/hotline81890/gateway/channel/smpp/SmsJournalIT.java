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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.sms.JournaledSms;
import org.hotline81890.gateway.storage.mysql.MySqlInboundJournal;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
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
    /** Short, so that the survey test sees its deadline pass; no other test here asks a survey. */
    private static final Duration SURVEY_WAIT = Duration.ofSeconds(4);
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    @TempDir
    static Path dataDir;
    static SmsGateway sms;
    static TestDatabase db;
    static SmscProcess smsc;

    @BeforeAll
    static void start() throws Exception {
        sms = SmsGateway.start(dataDir, "it-token-journal-0123456789", Map.of("HOTLINE_SMPP_JOURNAL", "true",
                "HOTLINE_SLA_SURVEY_WAIT", SURVEY_WAIT.toMillis() + "ms", "HOTLINE_SCHEDULER_POLL_INTERVAL", "100ms"),
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
        JournaledSms blocked = text(claimed, "下水道堵塞，污水外溢");
        journal.append(List.of(blocked));
        journal.ticketed(journal.fresh(10).stream().map(JournaledSms::id).toList()); // the dead node's ticket pass
        List<JournaledSms> leased = journal.claim(10, Duration.ofSeconds(3));
        assertThat(leased).extracting(JournaledSms::source).containsExactly(twice, twice, claimed);
        journal.retryLater(leased.subList(0, 2).stream().map(JournaledSms::id).toList(), Duration.ZERO);

        sms.startApp();
        JournalDrained.await(db.database().dataSource(), WAIT);

        assertThat(orders(twice)).hasSize(1);
        assertThat(orders(claimed)).hasSize(1);
        // received when it arrived (before the kill), not when the restarted stage processed it
        assertThat(orders(claimed).get(0).createdAt()).isEqualTo(blocked.receivedAt());
        awaitReplies(twice, ACCEPTED);
        awaitReplies(claimed, ACCEPTED);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE destination=? AND kind='sms'", twice))
                .isEqualTo(count("SELECT COUNT(*) FROM outbox WHERE destination=? AND kind='sms'", claimed));
    }

    /**
     * ADR 0036: the resident's 不满意 was acknowledged before the survey wait ran out, and still sits in the journal
     * when the deadline fires (here: leased by a stage that died, until 13 s after the deadline, longer than the 10 s
     * a text may take into the journal). The order must be reopened by the answer, never closed as "no reply".
     */
    @Test
    void aSurveyAnswerAcknowledgedInTimeReopensTheOrderThoughTheStageGetsToItAfterTheDeadline() {
        String phone = SmsRepliesIT.phone();
        ack(deliver(phone, "咨询一下社保卡补办需要什么材料", 0));
        WorkOrder w = orders(phone).get(0);
        Eventually.waitFor("the order's dispatch handled", WAIT, () -> count("SELECT COUNT(*) FROM outbox WHERE "
                + "kind='dispatch' AND state='PENDING' AND work_order_id=?", String.valueOf(w.id().value())) == 0);
        Tracker tracker = sms.app().core().tracker();
        if (sms.app().core().store().find(w.id()).orElseThrow().state() == WorkOrderState.OFFERED) {
            tracker.move(w.id(), WorkOrderState.ESCALATED, "supervisor", Channel.AGENT, "taken over", x -> List.of());
        }
        WorkOrder answered = tracker.move(w.id(), WorkOrderState.ANSWERED, "agent", Channel.AGENT, "answered",
                x -> List.of());
        Instant due = answered.deadlines().surveyAt().orElseThrow();

        // "3" (不满意), acknowledged now, before the deadline; its row held by a stage that died until after it
        Instant now = Instant.now();
        assertThat(now).isBefore(due);
        update("INSERT INTO sms_journal (message_key, source, destination, text, parts_received, parts_expected,"
                + " received_at, claimed_until) VALUES (?, ?, '81890', '3', 1, 1, ?, ?)", "smsc:" + UUID.randomUUID(),
                phone, UTC_MILLIS.format(now), UTC_MILLIS.format(due.plusSeconds(13)));

        // an answer is two moves (SURVEYED, then CLOSED or REOPENED): wait until it settled
        Eventually.waitFor("the answer processed", WAIT, () -> !Set.of(WorkOrderState.ANSWERED,
                WorkOrderState.SURVEYED).contains(sms.app().core().store().find(w.id()).orElseThrow().state()));
        assertThat(sms.app().core().store().find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.REOPENED);
        assertThat(sms.app().core().store().history(w.id())).extracting(e -> e.details())
                .contains(Survey.ANSWER_DETAILS + "不满意").noneMatch(d -> d.contains("no reply"));
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

    private static void update(String sql, String... args) {
        try (Connection c = db.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
