package org.hotline81890.gateway.channel.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole HotlineApp with SMS enabled, on real MariaDB (through a TCP proxy the test can cut), against the
 * independent node SMSC (src/simulators/smsc, npm smpp).
 */
class SmsChannelIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int RX_T_APPN = 0x64;
    private static final String LONG = "您好，我是幸福小区三号楼的居民，楼道里的路灯已经坏了两个星期，晚上老人上下楼非常危险，"
            + "物业一直说会修但始终没有人来，请热线帮忙联系相关部门尽快派人维修，谢谢！";

    @TempDir
    static Path dataDir;
    static TestDatabase db;
    static TcpProxy proxy;
    static SmscProcess smsc;
    static HotlineApp app;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        int dbPort = Integer.parseInt(db.url().replaceAll(".*//[^:]+:(\\d+)/.*", "$1"));
        proxy = new TcpProxy(dbPort);
        smsc = SmscProcess.start("--system-id", "hotline", "--password", "secret", "--redeliver-ms", "200");
        Map<String, String> env = new HashMap<>(Map.of("HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_DB_URL", db.url().replace(":" + dbPort + "/", ":" + proxy.port() + "/"),
                "HOTLINE_DB_USER", TestDatabase.user(), "HOTLINE_DB_PASSWORD", TestDatabase.password(),
                "HOTLINE_AGI_ENABLED", "false", "HOTLINE_DATA_DIR", dataDir.toString(),
                "HOTLINE_DB_CONNECT_TIMEOUT", "2s"));
        env.putAll(Map.of("HOTLINE_SMPP_ENABLED", "true", "HOTLINE_SMPP_PORT", String.valueOf(smsc.port()),
                "HOTLINE_SMPP_PASSWORD", "secret", "HOTLINE_SMPP_WINDOW", "50", "HOTLINE_SMPP_SUBMIT_RATE", "2000",
                "HOTLINE_SMPP_INBOUND_LIMIT", "3", "HOTLINE_HTTP_ADMIN_TOKEN", "it-token-0123456789"));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out);
        smsc.await(e -> "bind".equals(e.getString("event")) && e.getBoolean("ok"), WAIT);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void chineseTextBecomesAWorkOrderTheReplyCarriesTheTicketAndTheReceiptIsRecorded() {
        String phone = phone();
        int id = deliver(msg(phone, "幸福小区3号楼楼道路灯坏了，晚上很黑，请派人维修 🙏")).get(0);
        assertThat(firstStatus(id)).isZero();
        List<WorkOrder> orders = orders(phone);
        assertThat(orders).singleElement().satisfies(w -> {
            assertThat(w.channel()).isEqualTo(Channel.SMS);
            assertThat(w.text()).isEqualTo("幸福小区3号楼楼道路灯坏了，晚上很黑，请派人维修 🙏");
        });
        // The acknowledgement and, for a service at the door, the address question are two outbox rows of one
        // transaction that the relay may submit in either order: wait for the acknowledgement itself.
        String ticket = orders.get(0).ticket().grouped();
        Eventually.waitFor("acknowledgement with " + ticket, WAIT, () -> submits(phone).stream()
                .map(e -> e.getString("text")).anyMatch(t -> t.contains("已受理") && t.contains(ticket)));
        List<String> ids = submits(phone).stream().map(s -> s.getString("messageId")).toList();
        smsc.send(new JsonObject().put("cmd", "receipts").put("stat", "DELIVRD"));
        Eventually.waitFor("receipts recorded", WAIT, () -> ids.stream()
                .allMatch(m -> "DELIVERED".equals(submissionState(m))));
    }

    @Test
    void threePartMessagesInUdhAndSarBecomeOneOrderEachAndARedeliveredPartAddsNothing() {
        for (String split : List.of("udh8", "udh16", "sar")) {
            String phone = phone();
            JsonObject m = msg(phone, LONG + split).put("split", split).put("parts", 3).put("ref", 77);
            deliver(m.copy()).forEach(i -> assertThat(firstStatus(i)).as(split).isZero());
            Eventually.waitFor("order of " + split, WAIT, () -> orders(phone).size() == 1);
            assertThat(orders(phone).get(0).text()).isEqualTo(LONG + split);
            deliver(m.copy().put("only", new JsonArray().add(2))).forEach(i -> assertThat(firstStatus(i)).isZero());
            deliver(m.copy()).forEach(i -> assertThat(firstStatus(i)).isZero());
            assertThat(orders(phone)).hasSize(1);
            assertThat(count("SELECT COUNT(*) FROM sms_part WHERE source=? AND completed_at IS NULL", phone)).isZero();
        }
    }

    @Test
    void theSameMessageDeliveredAgainGivesTheSameWorkOrder() {
        String phone = phone();
        assertThat(firstStatus(deliver(msg(phone, "楼下噪音扰民，请处理")).get(0))).isZero();
        // The acknowledgement, and the one question for the address (a noise complaint is looked into on site).
        long replies = count("SELECT COUNT(*) FROM outbox WHERE destination=?", phone);
        assertThat(replies).isEqualTo(2);
        assertThat(firstStatus(deliver(msg(phone, "楼下噪音扰民，请处理")).get(0))).isZero();
        assertThat(orders(phone)).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE destination=?", phone)).isEqualTo(replies);
    }

    @Test
    void storageDownGivesRetryableStatusThenTheRedeliveryIsCommitted() {
        String phone = phone();
        proxy.down();
        int id;
        try {
            id = deliver(msg(phone, "存储故障时发来的求助：水管爆裂")).get(0);
            assertThat(firstStatus(id)).isEqualTo(RX_T_APPN);
        } finally {
            proxy.up();
        }
        smsc.await(e -> "resp".equals(e.getString("event")) && e.getInteger("id") == id
                && Integer.valueOf(0).equals(e.getValue("status")), WAIT);
        JournalDrained.await(db.database().dataSource(), WAIT);
        assertThat(orders(phone)).singleElement().extracting(WorkOrder::text).isEqualTo("存储故障时发来的求助：水管爆裂");
        // The cut left dead sockets in the pools; each would fail one more request once (Retry, then redelivered).
        // Replace them so that the next tests see first-attempt results.
        app.core().database().dataSource().getHikariPoolMXBean().softEvictConnections();
    }

    /**
     * Fault drill (issue 16): the database goes away in the middle of a flood (every connection cut, as a restart
     * does) and comes back. While it is down the ESME answers ESME_RX_T_APPN and acknowledges nothing; afterwards the
     * SMSC's redeliveries are committed by themselves; every message ends as exactly one order.
     */
    @Test
    void aDatabaseOutageMidFloodShouldAcknowledgeNothingUnstoredAndResumeByItself() {
        int n = 600;
        String prefix = "dbdrill" + ThreadLocalRandom.current().nextInt(1_000_000);
        smsc.send(new JsonObject().put("cmd", "flood").put("n", n).put("window", 50).put("prefix", prefix)
                .put("sources", n).put("sourceBase", 8613700000000L));
        Eventually.waitFor("flood under way", WAIT, () -> texts(prefix + " %").size() > 60);
        proxy.down();
        try {
            Eventually.waitFor("ESME_RX_T_APPN while the database is down", WAIT, () -> ledger().stream()
                    .anyMatch(e -> e.getJsonArray("statuses").contains(RX_T_APPN)));
        } finally {
            proxy.up();
        }
        smsc.await(e -> "flood_done".equals(e.getString("event")) && e.getInteger("n") == n, Duration.ofSeconds(180));
        app.core().database().dataSource().getHikariPoolMXBean().softEvictConnections();
        Eventually.waitFor("every flood message stored", WAIT, () -> texts(prefix + " %").size() >= n);
        List<String> stored = texts(prefix + " %");
        assertThat(stored).hasSize(n).doesNotHaveDuplicates();
    }

    /**
     * Fault drill (issue 16): the SMSC drops the bind in the middle of a flood. The ESME binds again, the SMSC
     * redelivers what was not acknowledged, every message ends as exactly one order, and no resident gets the
     * acknowledgement twice.
     */
    @Test
    void theSmscDroppingTheBindMidFloodShouldLoseNothingAndSendNoReplyTwice() {
        int n = 400;
        String prefix = "binddrill" + ThreadLocalRandom.current().nextInt(1_000_000);
        smsc.send(new JsonObject().put("cmd", "flood").put("n", n).put("window", 50).put("prefix", prefix)
                .put("sources", n).put("sourceBase", 8613600000000L));
        Eventually.waitFor("flood under way", WAIT, () -> texts(prefix + " %").size() > 60);
        smsc.request(new JsonObject().put("cmd", "close"), "closed", WAIT);
        smsc.await(e -> "flood_done".equals(e.getString("event")) && e.getInteger("n") == n, Duration.ofSeconds(180));
        Eventually.waitFor("every flood message stored", WAIT, () -> texts(prefix + " %").size() >= n);
        assertThat(texts(prefix + " %")).hasSize(n).doesNotHaveDuplicates();
        List<String> orders = query("SELECT CONCAT(caller_number, ' ', ticket) FROM work_order WHERE text LIKE ?",
                prefix + " %");
        Eventually.waitFor("an acknowledgement to every sender", Duration.ofSeconds(120),
                () -> orders.stream().allMatch(o -> acknowledgements(o) > 0));
        assertThat(orders).allSatisfy(o -> assertThat(acknowledgements(o)).as("acknowledgements of %s", o)
                .isEqualTo(1));
    }

    /** How often the reply naming the ticket of {@code order} ("caller ticket") reached the SMSC. */
    private static int acknowledgements(String order) {
        String[] ct = order.split(" ");
        String grouped = "工单号" + ct[1].substring(0, 3) + "-" + ct[1].substring(3, 6) + "-" + ct[1].substring(6);
        return joined(ct[0]).split(grouped, -1).length - 1;
    }

    private static List<JsonObject> ledger() {
        return smsc.request(new JsonObject().put("cmd", "ledger"), "ledger", WAIT).getJsonArray("entries").stream()
                .map(JsonObject.class::cast).toList();
    }

    @Test
    void statusQueryBySenderAndByTicketIsAnsweredInChinese() {
        String phone = phone();
        deliver(msg(phone, "小区垃圾三天没人清运")).forEach(SmsChannelIT::firstStatus);
        WorkOrder w = orders(phone).get(0);
        deliver(msg(phone, "查询")).forEach(SmsChannelIT::firstStatus);
        awaitReply(phone, "当前状态");
        deliver(msg(phone, "CX " + w.ticket().value() + " ")).forEach(SmsChannelIT::firstStatus);
        Eventually.waitFor("two status replies", WAIT, () -> joined(phone).split("当前状态", -1).length == 3);
        assertThat(orders(phone)).hasSize(1);
    }

    @Test
    void surveyAnswerClosesTheOrder() {
        String phone = phone();
        deliver(msg(phone, "咨询一下社保卡补办需要什么材料")).forEach(SmsChannelIT::firstStatus);
        WorkOrder w = orders(phone).get(0);
        // The dispatch relay offers the matched order to a provider at a time of its own: answering it while the
        // relay may still offer it raced (an offered order cannot be answered). Wait till the relay is done with it;
        // if it was offered, a supervisor takes it over (督办) before the agent answers, as the desks would.
        Eventually.waitFor("the order's dispatch handled", WAIT, () -> count("SELECT COUNT(*) FROM outbox WHERE "
                + "kind='dispatch' AND state='PENDING' AND work_order_id=?", w.id().value()) == 0);
        if (app.core().store().find(w.id()).orElseThrow().state() == WorkOrderState.OFFERED) {
            app.core().tracker().move(w.id(), WorkOrderState.ESCALATED, "supervisor", Channel.AGENT, "taken over",
                    x -> List.of());
        }
        app.core().tracker().move(w.id(), WorkOrderState.ANSWERED, "agent", Channel.AGENT, "answered", x -> List.of());
        deliver(msg(phone, "1")).forEach(SmsChannelIT::firstStatus);
        assertThat(app.core().store().find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.CLOSED);
        awaitReply(phone, "感谢您的评价");
    }

    @Test
    void overTheRateLimitTextsAreKeptAsNotesOnTheLatestOrder() {
        String phone = phone();
        for (int i = 1; i <= 6; i++) {
            assertThat(firstStatus(deliver(msg(phone, "第" + i + "条：楼上漏水")).get(0))).isZero();
        }
        List<WorkOrder> orders = orders(phone);
        assertThat(orders).hasSize(3);
        assertThat(count("SELECT COUNT(*) FROM sms_note WHERE work_order_id=?", orders.get(0).id().value()))
                .isEqualTo(3);
        assertThat(app.core().store().history(orders.get(0).id()))
                .filteredOn(e -> e.details().contains("rate limit")).hasSize(3);
    }

    @Test
    void stoppedNotificationsAreNotSentButRepliesAre() {
        String phone = phone();
        deliver(msg(phone, "TD")).forEach(SmsChannelIT::firstStatus);
        awaitReply(phone, "已为您退订");
        app.core().outbox().enqueue(Optional.empty(), List.of(new OutboxMessage(OutboxMessage.SMS, phone,
                "进度通知：已派单", "notify:" + phone)));
        app.wakeRelay();
        Eventually.waitFor("notification row done", WAIT, () -> app.core().outbox().status("notify:" + phone)
                .map(s -> s.state().equals("DONE")).orElse(false));
        assertThat(joined(phone)).doesNotContain("进度通知");
    }

    @Test
    void smscClosingMidFloodLosesNothingAndDuplicatesNothing() {
        int n = 2000;
        String prefix = "flood" + ThreadLocalRandom.current().nextInt(1_000_000);
        smsc.send(new JsonObject().put("cmd", "flood").put("n", n).put("window", 50).put("prefix", prefix)
                .put("sources", n));
        Eventually.waitFor("flood under way", WAIT, () -> count(
                "SELECT COUNT(*) FROM work_order WHERE text LIKE ?", prefix + " %") > 300);
        smsc.request(new JsonObject().put("cmd", "close"), "closed", WAIT);
        JsonObject done = smsc.await(e -> "flood_done".equals(e.getString("event")) && e.getInteger("n") == n,
                Duration.ofSeconds(120));
        System.out.println("SMS flood through a re-bind: " + done.encode());
        List<String> acked = smsc.request(new JsonObject().put("cmd", "ledger"), "ledger", WAIT)
                .getJsonArray("entries").stream().map(JsonObject.class::cast)
                .filter(e -> "acked".equals(e.getString("status")) && e.getString("text").startsWith(prefix + " "))
                .map(e -> e.getString("text")).toList();
        assertThat(acked).hasSize(n);
        JournalDrained.await(db.database().dataSource(), WAIT);
        List<String> stored = texts(prefix + " %");
        assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acked);
        assertThat(smsc.events()).filteredOn(e -> "bind".equals(e.getString("event"))).hasSizeGreaterThanOrEqualTo(2);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static String phone() {
        return "86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static JsonObject msg(String phone, String text) {
        return new JsonObject().put("text", text).put("coding", "ucs2").put("source", phone);
    }

    static List<Integer> deliver(JsonObject m) {
        return smsc.request(m.put("cmd", "deliver"), "queued", WAIT).getJsonArray("ids").stream()
                .map(Integer.class::cast).toList();
    }

    /** The status of the first deliver_sm_resp for ledger entry {@code id}. */
    static int firstStatus(int id) {
        JsonObject resp = smsc.await(e -> "resp".equals(e.getString("event")) && e.getInteger("id") == id, WAIT);
        JournalDrained.await(db.database().dataSource(), WAIT);
        return resp.getValue("status") instanceof Integer i ? i : -1;
    }

    /** Read straight from MariaDB (not through the proxy the storage-down test cuts). */
    static List<WorkOrder> orders(String phone) {
        return new org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore(db.database().transactions(),
                java.time.Clock.systemUTC(), new java.security.SecureRandom()).listByCaller(phone, 100);
    }

    static List<JsonObject> submits(String phone) {
        return smsc.events().stream().filter(e -> "submit".equals(e.getString("event"))
                && phone.equals(e.getString("dest")) && e.getInteger("status") == 0).toList();
    }

    static String joined(String phone) {
        return String.join("", submits(phone).stream().map(e -> e.getString("text")).toList());
    }

    static String awaitReply(String phone, String containing) {
        Eventually.waitFor("reply to " + phone + " containing " + containing, WAIT,
                () -> joined(phone).contains(containing));
        return joined(phone);
    }

    static String submissionState(String messageId) {
        return query("SELECT state FROM sms_submission WHERE message_id=?", messageId).stream().findFirst()
                .orElse("");
    }

    static long count(String sql, Object arg) {
        return Long.parseLong(query(sql, arg).get(0));
    }

    static List<String> texts(String like) {
        return query("SELECT text FROM work_order WHERE text LIKE ?", like);
    }

    static List<String> query(String sql, Object arg) {
        try (Connection c = db.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
