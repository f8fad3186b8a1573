package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.desk.SmsReview;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agents' SMS inbox through the independent node SMSC: texts the matcher could not place wait in
 * {@code /agent/sms} (numbers masked until one is opened); one is answered by SMS (the resident receives it, the
 * order is ANSWERED with the reply in its history, a second answer is 409 and sends nothing), another is classified
 * with the ticket form and dispatched; both leave the inbox. A blank answer is 400 and changes nothing. A resident
 * who answers the survey 3 (不满意) by SMS is on the callback list until an agent calls back; one who answers 1 is
 * not.
 */
class SmsReviewIT {
    private static final Duration WAIT = SmsDeskFixture.WAIT;
    @TempDir
    static Path dataDir;
    static SmsDeskFixture desk;
    static HotlineApp app;

    @BeforeAll
    static void start() throws Exception {
        desk = SmsDeskFixture.start(dataDir, "sunli", "1003");
        app = desk.app;
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void anUnplacedTextIsAnsweredBySmsAnotherIsDispatchedAndBothLeaveTheInbox() {
        String first = phone();
        String second = phone();
        WorkOrder greeting = received(first, "你好，在吗？");
        WorkOrder vague = received(second, "我想问一下那个事情到底怎么样了啊");
        WebClient agent = new WebClient(app.httpPort()).loggedIn("sunli", "sunli-password");

        String inbox = agent.get("/agent/sms").body();
        assertThat(inbox).contains(PhoneNumbers.mask(first), "你好，在吗？", "sms-" + greeting.ticket().value(),
                PhoneNumbers.mask(second), "sms-" + vague.ticket().value()).doesNotContain(first, second);
        assertThat(agent.get("/agent/sms/" + greeting.ticket().value()).body())
                .contains("sms-reply-form", "ticket-form", "你好，在吗？", first);

        HttpResponse<String> blank = agent.postWithCsrf("/agent/sms/" + greeting.ticket().value() + "/reply",
                Map.of("reply", "  "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(state(greeting)).isEqualTo(WorkOrderState.RECEIVED);

        HttpResponse<String> answered = agent.postWithCsrf("/agent/sms/" + greeting.ticket().value() + "/reply",
                Map.of("reply", "您好，请直接发送您要反映的问题和地址，我们会尽快处理"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.headers().firstValue("HX-Trigger")).contains("order-handled");
        Eventually.waitFor("the answer at the SMSC", WAIT, () -> submitted(first, "请直接发送您要反映的问题") == 1);
        assertThat(state(greeting)).isEqualTo(WorkOrderState.ANSWERED);
        assertThat(app.core().store().history(greeting.id())).anySatisfy(e -> {
            assertThat(e.to()).isEqualTo(WorkOrderState.ANSWERED);
            assertThat(e.actor()).isEqualTo("sunli");
            assertThat(e.details()).startsWith(SmsReview.REPLY_DETAILS).contains("请直接发送您要反映的问题");
        });
        HttpResponse<String> again = agent.postWithCsrf("/agent/sms/" + greeting.ticket().value() + "/reply",
                Map.of("reply", "再答复一次"));
        assertThat(again.statusCode()).isEqualTo(409);

        HttpResponse<String> dispatched = agent.postWithCsrf("/agent/orders/" + vague.ticket().value() + "/ticket",
                Map.of("action", "dispatch", "text", vague.text(), "requestType", "help", "serviceCode", "RP-01",
                        "matcherFirst", "NONE", "priority", "normal"));
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
        assertThat(state(vague)).isEqualTo(WorkOrderState.MATCHED);

        String after = agent.get("/agent/sms").body();
        assertThat(after).doesNotContain("sms-" + greeting.ticket().value(), "sms-" + vague.ticket().value());
        assertThat(submitted(first, "再答复一次")).isZero();
    }

    @Test
    void aResidentWhoAnswersUnsatisfiedIsOnTheCallbackListUntilAnAgentCallsBack() {
        String unhappy = phone();
        String happy = phone();
        WebClient agent = new WebClient(app.httpPort()).loggedIn("sunli", "sunli-password");
        for (String phone : new String[] {unhappy, happy}) {
            WorkOrder w = received(phone, "你好，在吗？");
            assertThat(agent.postWithCsrf("/agent/sms/" + w.ticket().value() + "/reply",
                    Map.of("reply", "您好，请问有什么可以帮您")).statusCode()).isEqualTo(200);
        }
        deliver(unhappy, "3");
        deliver(happy, "1");
        Eventually.waitFor("both survey answers recorded", WAIT, () -> latest(happy) == WorkOrderState.CLOSED
                && latest(unhappy) == WorkOrderState.REOPENED);
        Eventually.waitFor("the unsatisfied resident on the callback list", WAIT,
                () -> agent.get("/agent/callbacks").body().contains(unhappy));
        String list = agent.get("/agent/callbacks").body();
        assertThat(list).contains("回访不满意").doesNotContain(happy);
        Matcher id = Pattern.compile("id=\"callback-(\\d+)\"").matcher(
                list.substring(list.indexOf(unhappy)));
        assertThat(id.find()).isTrue();
        HttpResponse<String> call = agent.postWithCsrf("/agent/callbacks/" + id.group(1) + "/call", Map.of());
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.body()).contains("正在回拨 " + unhappy).doesNotContain("callback-" + id.group(1));
    }

    private static void deliver(String phone, String text) {
        desk.deliver(phone, text);
    }

    private static WorkOrder received(String phone, String text) {
        deliver(phone, text);
        Eventually.waitFor("the text from " + phone + " stored", WAIT,
                () -> !app.core().store().listByCaller(phone, 1).isEmpty());
        WorkOrder w = app.core().store().listByCaller(phone, 1).get(0);
        assertThat(w.state()).as("the matcher placed \"" + text + "\" nowhere").isEqualTo(WorkOrderState.RECEIVED);
        return w;
    }

    private static WorkOrderState latest(String phone) {
        return app.core().store().listByCaller(phone, 1).get(0).state();
    }

    private static WorkOrderState state(WorkOrder w) {
        return app.core().store().find(w.id()).orElseThrow().state();
    }

    private static long submitted(String phone, String containing) {
        return desk.sms.submitted(phone, containing);
    }

    private static String phone() {
        return "86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
