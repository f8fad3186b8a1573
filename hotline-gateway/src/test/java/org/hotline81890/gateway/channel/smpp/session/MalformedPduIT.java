package org.hotline81890.gateway.channel.smpp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.smpp.SmscProcess;
import org.hotline81890.gateway.channel.smpp.TestPdus;
import org.hotline81890.gateway.channel.smpp.intake.PartSweeper;
import org.hotline81890.gateway.channel.smpp.intake.Reassembler;
import org.hotline81890.gateway.channel.smpp.intake.RecordingInboundHandler;
import org.hotline81890.gateway.channel.smpp.pdu.DeliverSmReader;
import org.hotline81890.gateway.sms.InMemoryPartStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and doubtful deliver_sm from the independent SMSC (npm smpp, raw octets): each gets the answer SMPP 3.4
 * gives it, none becomes a message, and the bind keeps serving valid messages (issue 16).
 */
class MalformedPduIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private SmscProcess smsc;
    private Vertx vertx;
    private ExecutorService virtualThreads;
    private RecordingInboundHandler handler;
    private SmppEsmeVerticle verticle;

    @BeforeEach
    void start() throws Exception {
        smsc = SmscProcess.start("--system-id", "hotline", "--password", "secret", "--redeliver-ms", "200");
        vertx = Vertx.vertx();
        virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        handler = new RecordingInboundHandler();
        Reassembler reassembler = new Reassembler(new InMemoryPartStore(), Clock.systemUTC(), Duration.ofMinutes(5),
                "it");
        DeliverSmListener listener = new DeliverSmListener(new DeliverSmReader(Optional.empty()), reassembler,
                handler, handler, virtualThreads, Clock.systemUTC(), Duration.ofSeconds(5), DeferredResponses::defer);
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

    /** A bad PDU, the answer SMPP 3.4 gives it (command and status). */
    record Case(String name, byte[] pdu, String command, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        byte[] valid = TestPdus.deliverSm().ucs2("路灯坏了").bytes();
        byte[] smLengthPastEnd = TestPdus.deliverSm().ucs2("路灯坏了").bytes();
        smLengthPastEnd[smLengthPastEnd.length - 9] = (byte) 200;
        String longSource = "8".repeat(30);
        return List.of(
                new Case("unknown command id", TestPdus.pdu(0x00000099, new byte[0]), "generic_nack", 0x03),
                new Case("data_sm cut short", TestPdus.pdu(0x00000103, "abc".getBytes(StandardCharsets.US_ASCII)),
                        "data_sm_resp", 0x02),
                new Case("body cut after service_type", TestPdus.pdu(TestPdus.DELIVER_SM, "abc".getBytes(
                        StandardCharsets.US_ASCII)), "deliver_sm_resp", 0x02),
                new Case("body cut in the middle", TestPdus.pdu(TestPdus.DELIVER_SM,
                        java.util.Arrays.copyOf(valid, 20)), "deliver_sm_resp", 0x02),
                new Case("sm_length past the end", TestPdus.pdu(TestPdus.DELIVER_SM, smLengthPastEnd),
                        "deliver_sm_resp", 0x01),
                new Case("source_addr without its NUL within 21 octets", TestPdus.pdu(TestPdus.DELIVER_SM,
                        ("\0\1\1" + longSource).getBytes(StandardCharsets.US_ASCII)), "deliver_sm_resp", 0x0A),
                new Case("TLV past the end", TestPdus.pdu(TestPdus.DELIVER_SM, concat(valid, HexFormat.of()
                        .parseHex("0204000a0102"))), "deliver_sm_resp", 0xC0),
                new Case("TLV header cut short", TestPdus.pdu(TestPdus.DELIVER_SM, concat(valid, new byte[] {2, 4})),
                        "deliver_sm_resp", 0xC0),
                new Case("sar_total_segments of two octets", TestPdus.deliverSm().ucs2("一").tlv(0x020C,
                        new byte[] {0, 7}).tlv(0x020E, new byte[] {0, 3}).tlv(0x020F, new byte[] {1}).pdu(),
                        "deliver_sm_resp", 0xC2),
                new Case("unknown data_coding 0x05", TestPdus.deliverSm().dataCoding(0x05).shortMessage(
                        "abc".getBytes(StandardCharsets.US_ASCII)).pdu(), "deliver_sm_resp", 0x104),
                new Case("8-bit binary data_coding 0x04", TestPdus.deliverSm().dataCoding(0x04).shortMessage(
                        new byte[] {(byte) 0xCA, (byte) 0xFE}).pdu(), "deliver_sm_resp", 0x104),
                new Case("UDH longer than the message", TestPdus.deliverSm().esmClass(0x40).ucs2("").shortMessage(
                        new byte[] {20, 0, 3, 1, 2, 1, 0, 0x41}).pdu(), "deliver_sm_resp", 0x43),
                new Case("UDH claiming 0 parts", TestPdus.deliverSm().esmClass(0x40).shortMessage(
                        new byte[] {5, 0, 3, 9, 0, 1, 0, 0x61, 0, 0x62, 0, 0x63}).pdu(), "deliver_sm_resp", 0x43),
                new Case("UDH part 4 of 3", TestPdus.deliverSm().esmClass(0x40).shortMessage(
                        new byte[] {5, 0, 3, 9, 3, 4, 0x4E, 0}).pdu(), "deliver_sm_resp", 0x43),
                new Case("SAR part 0", TestPdus.deliverSm().ucs2("一").tlv(0x020C, new byte[] {0, 7})
                        .tlv(0x020E, new byte[] {3}).tlv(0x020F, new byte[] {0}).pdu(), "deliver_sm_resp", 0xC4),
                new Case("SAR without its reference", TestPdus.deliverSm().ucs2("一").tlv(0x020E, new byte[] {3})
                        .tlv(0x020F, new byte[] {1}).pdu(), "deliver_sm_resp", 0xC3),
                new Case("odd-length UCS-2", TestPdus.deliverSm().shortMessage(new byte[] {0x4E, 0x00, 0x4E})
                        .pdu(), "deliver_sm_resp", 0x01),
                new Case("UCS-2 with a lone surrogate", TestPdus.deliverSm().shortMessage(new byte[] {(byte) 0xD8, 0,
                        0, 0x41}).pdu(), "deliver_sm_resp", 0x104));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aBadPduShouldGetItsStatusAndBecomeNoMessage(Case c) {
        JsonObject resp = raw(c.pdu());
        assertThat(resp.getString("command")).isEqualTo(c.command());
        assertThat(resp.getInteger("status")).as("status 0x%x", resp.getInteger("status")).isEqualTo(c.status());
        assertThat(handler.calls).isEmpty();
        assertValidMessageStillCommitted("路灯坏了 " + c.name());
        assertThat(verticle.binds().get(0).bindCount()).as("the same bind").isEqualTo(1);
    }

    @Test
    void aFourGigabyteCommandLengthShouldBeRefusedAndTheBindRenewedNeverAllocated() {
        for (long length : List.of(0xFFFFFFFFL, 0x7FFFFFFFL, 8L)) {
            int binds = verticle.binds().get(0).bindCount();
            long nacks = nacks();
            smsc.send(new JsonObject().put("cmd", "raw").put("tag", "len" + length).put("hex", TestPdus.hex(
                    TestPdus.withLength(length, TestPdus.DELIVER_SM, new byte[] {0, 1, 2, 3}))).put("keepSeq", true));
            awaitTrue(() -> nacks() > nacks, "generic_nack for " + length);
            JsonObject nack = smsc.events().stream().filter(e -> "generic_nack".equals(e.getString("event")))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(nack.getInteger("status")).isEqualTo(0x02);
            long nacked = System.nanoTime();
            awaitTrue(() -> verticle.binds().get(0).bindCount() > binds
                    && verticle.binds().get(0).state() == SmppBind.State.BOUND, "bound again after " + length);
            // not after jSMPP's unbind waited out the transaction timer (10 s) for an answer it could never read
            assertThat(Duration.ofNanos(System.nanoTime() - nacked)).as("re-bound after the generic_nack")
                    .isLessThan(verticle.binds().get(0).config().transactionTimeout().dividedBy(2));
            assertValidMessageStillCommitted("bound again after a command_length of " + length);
        }
        assertThat(handler.calls).extracting(s -> s.text()).allMatch(t -> t.startsWith("bound again"));
    }

    private long nacks() {
        return smsc.events().stream().filter(e -> "generic_nack".equals(e.getString("event"))).count();
    }

    private JsonObject raw(byte[] pdu) {
        JsonObject sent = smsc.request(new JsonObject().put("cmd", "raw").put("tag", "t").put("hex",
                TestPdus.hex(pdu)), "raw_sent", WAIT);
        int seq = sent.getInteger("seq");
        return smsc.await(e -> "raw_resp".equals(e.getString("event")) && e.getInteger("seq") == seq, WAIT);
    }

    private void assertValidMessageStillCommitted(String text) {
        JsonObject queued = smsc.request(new JsonObject().put("cmd", "deliver").put("text", text)
                .put("coding", "ucs2"), "queued", WAIT);
        int id = queued.getJsonArray("ids").getInteger(0);
        JsonObject resp = smsc.await(e -> "resp".equals(e.getString("event")) && e.getInteger("id") == id, WAIT);
        assertThat(resp.getValue("status")).isEqualTo(0);
        assertThat(handler.committedTexts()).contains(text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
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
