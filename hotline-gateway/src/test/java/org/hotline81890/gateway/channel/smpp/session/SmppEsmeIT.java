package org.hotline81890.gateway.channel.smpp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.smpp.SmscProcess;
import org.hotline81890.gateway.channel.smpp.intake.PartSweeper;
import org.hotline81890.gateway.channel.smpp.intake.Reassembler;
import org.hotline81890.gateway.channel.smpp.intake.RecordingInboundHandler;
import org.hotline81890.gateway.channel.smpp.pdu.DeliverSmReader;
import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.channel.smpp.pdu.OutboundSplitter;
import org.hotline81890.gateway.sms.DeliveryReceipt;
import org.hotline81890.gateway.sms.InMemoryPartStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's ESME against an independent SMSC (npm smpp, src/simulators/smsc). */
class SmppEsmeIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LONG_TEXT = "您好，我是幸福小区三号楼的居民，楼道里的路灯已经坏了两个星期，晚上老人上下楼非常危险，"
            + "物业一直说会修但始终没有人来，请热线帮忙联系相关部门尽快派人维修，另外小区门口的垃圾桶也满了好几天没人清运，"
            + "气味很大，希望一并处理，谢谢！联系电话就是本机号码。";

    private SmscProcess smsc;
    private Vertx vertx;
    private ExecutorService virtualThreads;
    private RecordingInboundHandler handler;
    private InMemoryPartStore parts;
    private SmppEsmeVerticle verticle;

    @BeforeEach
    void start() throws Exception {
        smsc = SmscProcess.start("--system-id", "hotline", "--password", "secret", "--redeliver-ms", "200");
        vertx = Vertx.vertx();
        virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        handler = new RecordingInboundHandler();
        parts = new InMemoryPartStore();
        Reassembler reassembler = new Reassembler(parts, Clock.systemUTC(), Duration.ofMinutes(5), "it");
        DeliverSmListener listener = new DeliverSmListener(new DeliverSmReader(java.util.Optional.empty()),
                reassembler, handler, handler, virtualThreads, Clock.systemUTC(), Duration.ofSeconds(5),
                DeferredResponses::defer);
        SmppBindConfig config = SmppBindConfig.of("it", "127.0.0.1", smsc.port(), "hotline", "secret")
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).withRate(500, 50);
        verticle = new SmppEsmeVerticle(List.of(config), listener, new PartSweeper(reassembler, handler),
                Duration.ofSeconds(1));
        vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                .await();
        awaitTrue(() -> verticle.binds().get(0).state() == SmppBind.State.BOUND, "bound");
    }

    @AfterEach
    void stop() {
        if (vertx != null) {
            vertx.close().await();
        }
        if (virtualThreads != null) {
            virtualThreads.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void chineseUcs2TextReachesTheHandlerBeforeTheRespIsOk() {
        List<Integer> ids = deliver(new JsonObject().put("text", "路灯坏了 🙏 请派人修").put("coding", "ucs2"));
        assertThat(respStatus(ids.get(0))).isZero();
        assertThat(handler.committedTexts()).containsExactly("路灯坏了 🙏 请派人修");
    }

    @Test
    void gsmAndLatin1TextsAreDecoded() {
        deliver(new JsonObject().put("text", "Lamp broken @ gate {3} €5").put("coding", "gsm"));
        deliver(new JsonObject().put("text", "Straße kaputt, café").put("coding", "latin1"));
        awaitTrue(() -> handler.committed.size() == 2, "two committed");
        assertThat(handler.committedTexts()).containsExactlyInAnyOrder("Lamp broken @ gate {3} €5",
                "Straße kaputt, café");
    }

    @Test
    void threePartMessagesAreReassembledFromUdh8Udh16AndSar() {
        for (String split : List.of("udh8", "udh16", "sar")) {
            List<Integer> ids = deliver(new JsonObject().put("text", LONG_TEXT + split).put("coding", "ucs2")
                    .put("split", split).put("parts", 3));
            assertThat(ids).hasSize(3);
            ids.forEach(id -> assertThat(respStatus(id)).as(split).isZero());
        }
        awaitTrue(() -> handler.committed.size() == 3, "three long messages");
        assertThat(handler.committedTexts()).containsExactlyInAnyOrder(LONG_TEXT + "udh8", LONG_TEXT + "udh16",
                LONG_TEXT + "sar");
        assertThat(handler.committed.values()).allSatisfy(sms -> {
            assertThat(sms.partsExpected()).isEqualTo(3);
            assertThat(sms.complete()).isTrue();
        });
        assertThat(parts.size()).isZero();
    }

    @Test
    void submittedLongReplyGetsMessageIdsAndTheirReceiptsReachTheReceiptHandler() {
        SmsSubmitter submitter = new SmsSubmitter(verticle.binds(), new OutboundSplitter(false), 5,
                Duration.ofMillis(50), Duration.ofMillis(500));
        SubmitResult result = submitter.submit(new OutboundSms("8613800000000", LONG_TEXT, 7, true));
        assertThat(result).isInstanceOf(SubmitResult.Sent.class);
        List<String> messageIds = ((SubmitResult.Sent) result).messageIds();
        int expectedParts = (LONG_TEXT.length() + OutboundSplitter.UCS2_PART - 1) / OutboundSplitter.UCS2_PART;
        assertThat(expectedParts).isGreaterThan(1);
        assertThat(messageIds).hasSize(expectedParts).doesNotHaveDuplicates();
        JsonArray submits = smsc.request(new JsonObject().put("cmd", "submits"), "submits", WAIT)
                .getJsonArray("submits");
        assertThat(submits).hasSize(expectedParts);
        assertThat(submits).allMatch(o -> ((JsonObject) o).getJsonArray("udh").size() == 1);
        assertThat(String.join("", submits.stream().map(o -> ((JsonObject) o).getString("text")).toList()))
                .isEqualTo(LONG_TEXT);
        smsc.send(new JsonObject().put("cmd", "receipts"));
        awaitTrue(() -> handler.receipts.size() == expectedParts, "a receipt per part");
        assertThat(handler.receipts).extracting(DeliveryReceipt::messageId)
                .containsExactlyInAnyOrderElementsOf(messageIds);
        assertThat(handler.receipts).allMatch(DeliveryReceipt::delivered);
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void submitterRetriesThrottledSubmits() {
        smsc.request(new JsonObject().put("cmd", "config").put("throttle", 0.5), "config", WAIT);
        SmsSubmitter submitter = new SmsSubmitter(verticle.binds(), new OutboundSplitter(true), 20,
                Duration.ofMillis(10), Duration.ofMillis(100));
        for (int i = 0; i < 10; i++) {
            assertThat(submitter.submit(new OutboundSms("8613800000000", "reply " + i, i, false)))
                    .isInstanceOf(SubmitResult.Sent.class);
        }
        assertThat(smsc.events()).anyMatch(e -> "submit".equals(e.getString("event")) && e.getInteger("status") == 88);
    }

    @Test
    void sameMessageDeliveredTwiceGivesTheSameIdempotencyKey() {
        JsonObject message = new JsonObject().put("text", "楼下噪音扰民").put("coding", "ucs2");
        deliver(message.copy());
        deliver(message.copy());
        awaitTrue(() -> handler.calls.size() == 2, "two calls");
        assertThat(handler.calls.get(0).idempotencyKey()).isEqualTo(handler.calls.get(1).idempotencyKey());
        assertThat(handler.committed).hasSize(1);
    }

    @Test
    void retryFromTheHandlerMakesTheSmscRedeliverUntilCommitted() {
        handler.retriesLeft.set(2);
        List<Integer> ids = deliver(new JsonObject().put("text", "存储故障时的消息").put("coding", "ucs2"));
        smsc.await(e -> "resp".equals(e.getString("event")) && e.getInteger("id").equals(ids.get(0))
                && Integer.valueOf(0).equals(e.getValue("status")), WAIT);
        JsonObject entry = ledgerEntry(ids.get(0));
        assertThat(entry.getJsonArray("statuses").getList()).containsExactly(0x64, 0x64, 0);
        assertThat(handler.calls).hasSize(3).extracting(InboundSms::idempotencyKey).containsOnly(
                handler.calls.get(0).idempotencyKey());
        assertThat(handler.committed).hasSize(1);
    }

    @Test
    void connectionClosedMidFloodLosesNothingTheLedgerAcknowledged() {
        int n = 3000;
        smsc.send(new JsonObject().put("cmd", "flood").put("n", n).put("window", 50).put("prefix", "flood"));
        awaitTrue(() -> handler.committed.size() > 500, "flood under way");
        smsc.request(new JsonObject().put("cmd", "close"), "closed", WAIT);
        JsonObject done = smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofSeconds(120));
        System.out.println("SMPP flood through a re-bind: " + done.encode());
        assertThat(verticle.binds().get(0).bindCount()).isGreaterThanOrEqualTo(2);
        JsonArray entries = smsc.request(new JsonObject().put("cmd", "ledger"), "ledger", WAIT)
                .getJsonArray("entries");
        List<String> acked = entries.stream().map(JsonObject.class::cast)
                .filter(e -> "acked".equals(e.getString("status"))).map(e -> e.getString("text")).toList();
        assertThat(acked).hasSize(n);
        assertThat(handler.committedTexts()).containsAll(acked);
    }

    private List<Integer> deliver(JsonObject message) {
        JsonObject queued = smsc.request(message.put("cmd", "deliver"), "queued", WAIT);
        List<Integer> ids = queued.getJsonArray("ids").stream().map(Integer.class::cast).toList();
        ids.forEach(this::respStatus);
        return ids;
    }

    private int respStatus(int id) {
        JsonObject resp = smsc.await(e -> "resp".equals(e.getString("event")) && e.getInteger("id") == id, WAIT);
        return resp.getValue("status") instanceof Integer i ? i : -1;
    }

    private JsonObject ledgerEntry(int id) {
        return smsc.request(new JsonObject().put("cmd", "ledger"), "ledger", WAIT).getJsonArray("entries").stream()
                .map(JsonObject.class::cast).filter(e -> e.getInteger("id") == id).findFirst().orElseThrow();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + WAIT + ": " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
