package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.desk.ReplyReview;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Residents' texts in words after an order, through the independent node SMSC (ADR 0024): a reply to a completed
 * order that names a service opens no second order but waits in the desk's SMS inbox linked to the order, and the
 * agent's 不满意 there reopens it as an SMS "3" would; an emergency reply opens a request at once; a reply outside the
 * window opens a request as before; a reply naming another ticket too. The agent's other decisions: reopen without
 * a survey answer, a new request from the text (acknowledged with its ticket), a dismissal that needs a note.
 */
class SmsReplyHoldIT {
    private static final Duration WAIT = SmsDeskFixture.WAIT;
    private static final String STILL_LEAKING = "师傅来了但是水管还在漏";
    @TempDir
    static Path dataDir;
    static SmsDeskFixture desk;
    static HotlineApp app;
    static WebClient agent;

    @BeforeAll
    static void start() throws Exception {
        desk = SmsDeskFixture.start(dataDir, "qianfeng", "1004");
        app = desk.app;
        agent = new WebClient(app.httpPort()).loggedIn("qianfeng", SmsDeskFixture.password("qianfeng"));
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void aProseReplyToACompletedOrderWaitsLinkedToItAndTheDesksUnsatisfiedReopensIt() {
        assertThat(app.core().matcher().match(STILL_LEAKING).top()).as("the reply names a service").isPresent();
        String phone = phone();
        WorkOrder order = completed(phone);

        deliver(phone, STILL_LEAKING);
        long id = heldFor(phone);
        assertThat(app.core().store().listByCaller(phone, 10)).extracting(WorkOrder::id).containsExactly(order.id());
        Eventually.waitFor("the resident told a person will look at it", WAIT,
                () -> submitted(phone, order.ticket().grouped() + "的短信已收到") == 1);
        assertThat(app.core().store().history(order.id()))
                .anySatisfy(e -> assertThat(e.details()).contains("短信回复待处理", STILL_LEAKING));

        String inbox = agent.get("/agent/sms").body();
        assertThat(inbox).contains("reply-" + id, PhoneNumbers.mask(phone), order.ticket().grouped())
                .doesNotContain(phone);
        assertThat(agent.get("/agent/sms/replies/" + id).body()).contains(phone, STILL_LEAKING,
                order.ticket().grouped(), "btn-reply-3", "btn-reply-reopen", "btn-reply-new", "btn-reply-dismiss");

        HttpResponse<String> unsatisfied = agent.postWithCsrf("/agent/sms/replies/" + id + "/survey",
                Map.of("answer", "3"));
        assertThat(unsatisfied.statusCode()).as(unsatisfied.body()).isEqualTo(200);
        assertThat(unsatisfied.headers().firstValue("HX-Trigger")).contains("order-handled");
        assertThat(state(order)).isEqualTo(WorkOrderState.REOPENED);
        assertThat(app.core().store().history(order.id())).anySatisfy(e -> {
            assertThat(e.to()).isEqualTo(WorkOrderState.SURVEYED);
            assertThat(e.details()).isEqualTo(Survey.ANSWER_DETAILS + "不满意");
        });
        assertThat(agent.get("/agent/sms").body()).doesNotContain("reply-" + id + "\"");
        assertThat(agent.postWithCsrf("/agent/sms/replies/" + id + "/dismiss", Map.of("note", "再处理一次"))
                .statusCode()).isEqualTo(409);
        assertThat(app.core().store().listByCaller(phone, 10)).hasSize(1);
    }

    @Test
    void anEmergencyReplyOpensARequestAtOnce() {
        String phone = phone();
        WorkOrder order = completed(phone);

        deliver(phone, "进门就闻到好浓的燃气味");
        Eventually.waitFor("a new order", WAIT, () -> app.core().store().listByCaller(phone, 10).size() == 2);
        WorkOrder emergency = app.core().store().listByCaller(phone, 1).get(0);
        assertThat(emergency.id()).isNotEqualTo(order.id());
        assertThat(emergency.priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(held(phone)).isEmpty();
        assertThat(state(order)).isEqualTo(WorkOrderState.COMPLETED);
    }

    @Test
    void aReplyOutsideTheWindowOrNamingAnotherTicketOpensARequest() {
        String old = phone();
        WorkOrder asked = completed(old);
        desk.db.database().transactions().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE work_order SET updated_at = updated_at - INTERVAL 3 DAY WHERE id = ?")) {
                ps.setLong(1, asked.id().value());
                return ps.executeUpdate();
            }
        });
        deliver(old, STILL_LEAKING);
        Eventually.waitFor("a new order", WAIT, () -> app.core().store().listByCaller(old, 10).size() == 2);
        assertThat(held(old)).isEmpty();

        String other = phone();
        completed(other);
        WorkOrder elsewhere = completed(phone());
        deliver(other, "工单 " + elsewhere.ticket().value() + " 的水管还在漏");
        Eventually.waitFor("a new order", WAIT, () -> app.core().store().listByCaller(other, 10).size() == 2);
        assertThat(held(other)).isEmpty();
    }

    @Test
    void theAgentReopensOpensANewRequestOrDismissesWithANote() {
        String reopen = phone();
        WorkOrder first = completed(reopen);
        deliver(reopen, STILL_LEAKING);
        long one = heldFor(reopen);
        assertThat(agent.postWithCsrf("/agent/sms/replies/" + one + "/reopen", Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(state(first)).isEqualTo(WorkOrderState.REOPENED);
        assertThat(app.core().store().history(first.id())).noneMatch(e -> e.to() == WorkOrderState.SURVEYED)
                .anySatisfy(e -> assertThat(e.details()).startsWith(ReplyReview.REOPEN_DETAILS));
        assertThat(app.core().outbox().status("dispatch:" + first.id().value() + ":"
                + app.core().store().find(first.id()).orElseThrow().version())).isPresent();

        String fresh = phone();
        WorkOrder second = completed(fresh);
        String text = "另外小区门口的路灯坏了好几天了";
        deliver(fresh, text);
        long two = heldFor(fresh);
        HttpResponse<String> opened = agent.postWithCsrf("/agent/sms/replies/" + two + "/new-request", Map.of());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        List<WorkOrder> orders = app.core().store().listByCaller(fresh, 10);
        assertThat(orders).hasSize(2);
        WorkOrder created = orders.get(0);
        assertThat(created.text()).isEqualTo(text);
        assertThat(opened.body()).contains(created.ticket().grouped());
        Eventually.waitFor("the new ticket sent", WAIT, () -> submitted(fresh, created.ticket().grouped()) == 1);
        assertThat(state(second)).isEqualTo(WorkOrderState.COMPLETED);

        String thanks = phone();
        WorkOrder third = completed(thanks);
        deliver(thanks, "谢谢，修好了，就是收费有点贵");
        long three = heldFor(thanks);
        assertThat(agent.postWithCsrf("/agent/sms/replies/" + three + "/dismiss", Map.of("note", " "))
                .statusCode()).isEqualTo(400);
        assertThat(agent.postWithCsrf("/agent/sms/replies/" + three + "/dismiss",
                Map.of("note", "已电话解释收费标准")).statusCode()).isEqualTo(200);
        assertThat(state(third)).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(agent.get("/agent/sms/replies/" + three).body()).contains("DISMISSED", "qianfeng")
                .doesNotContain("btn-reply-dismiss");
        assertThat(app.core().store().listByCaller(thanks, 10)).hasSize(1);
    }

    static WorkOrder completed(String phone) {
        return desk.completed(phone);
    }

    static long heldFor(String phone) {
        Eventually.waitFor("the reply from " + phone + " held", WAIT, () -> !held(phone).isEmpty());
        List<Long> ids = held(phone);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    static List<Long> held(String phone) {
        return desk.db.database().transactions().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM sms_held_reply WHERE caller_number = ? ORDER BY id")) {
                ps.setString(1, phone);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    static void deliver(String phone, String text) {
        desk.deliver(phone, text);
    }

    private static WorkOrderState state(WorkOrder w) {
        return app.core().store().find(w.id()).orElseThrow().state();
    }

    static long submitted(String phone, String containing) {
        return desk.smsc.events().stream().filter(e -> "submit".equals(e.getString("event"))
                && phone.equals(e.getString("dest")) && e.getInteger("status") == 0
                && e.getString("text", "").contains(containing)).count();
    }

    static String phone() {
        return "86137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
