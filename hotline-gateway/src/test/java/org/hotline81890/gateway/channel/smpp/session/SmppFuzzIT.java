package org.hotline81890.gateway.channel.smpp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.smpp.PduMutations;
import org.hotline81890.gateway.channel.smpp.SmscProcess;
import org.hotline81890.gateway.channel.smpp.TestPdus;
import org.hotline81890.gateway.channel.smpp.intake.PartSweeper;
import org.hotline81890.gateway.channel.smpp.intake.Reassembler;
import org.hotline81890.gateway.channel.smpp.intake.RecordingInboundHandler;
import org.hotline81890.gateway.channel.smpp.pdu.DeliverSmReader;
import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.sms.InMemoryPartStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMPP fuzzer (issue 16): the independent SMSC sends seeded mutations of deliver_sm ({@link PduMutations}) on
 * the gateway's bind, in batches, with a valid message between batches. It fails when a mutated PDU gets no answer
 * (neither its response nor a generic_nack) or when a command_length the ESME must refuse does not end in
 * generic_nack ESME_RINVCMDLEN and a new bind; when a valid message acknowledged by the ESME is not committed exactly
 * once; when a committed text holds U+FFFD (a guess at undecodable octets); or when the bind does not serve a valid
 * message at the end. {@code -Dhotline.fuzz.inputs} (default 300) and {@code -Dhotline.fuzz.seed} (default 16).
 */
class SmppFuzzIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BATCH = 40;
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
                "fuzz");
        DeliverSmListener listener = new DeliverSmListener(new DeliverSmReader(Optional.empty()), reassembler,
                handler, handler, virtualThreads, Clock.systemUTC(), Duration.ofSeconds(5), DeferredResponses::defer);
        SmppBindConfig config = SmppBindConfig.of("fuzz", "127.0.0.1", smsc.port(), "hotline", "secret")
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).withRate(500, 50);
        verticle = new SmppEsmeVerticle(List.of(config), listener, new PartSweeper(reassembler, handler),
                Duration.ofSeconds(1));
        vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                .await();
        awaitTrue(this::bound, "bound");
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
    void everyMutatedPduShouldBeAnsweredAndNoAcknowledgedMessageLostOrDoubled() {
        int inputs = Integer.getInteger("hotline.fuzz.inputs", 300);
        long seed = Long.getLong("hotline.fuzz.seed", 16L);
        PduMutations mutations = new PduMutations(new Random(seed));
        Map<String, Integer> answers = new TreeMap<>();
        List<String> valid = new ArrayList<>();
        long started = System.nanoTime();
        int sent = 0;
        int rebinds = 0;
        PduMutations.Input pending = null;
        while (sent < inputs) {
            List<PduMutations.Input> batch = new ArrayList<>();
            while (batch.size() < BATCH && sent + batch.size() < inputs) {
                PduMutations.Input in = pending != null ? pending : mutations.next();
                pending = null;
                if (in.badLength()) {
                    if (batch.isEmpty()) {
                        batch.add(in);
                    } else {
                        pending = in;
                    }
                    break;
                }
                batch.add(in);
            }
            sent += batch.size();
            if (batch.get(0).badLength()) {
                refusedUnread(batch.get(0));
                rebinds++;
                answers.merge("generic_nack 0x2 (re-bind)", 1, Integer::sum);
            } else {
                answer(batch).forEach((k, v) -> answers.merge(k, v, Integer::sum));
            }
            String text = "fuzz-valid-" + seed + "-" + valid.size();
            valid.add(text);
            smsc.send(new JsonObject().put("cmd", "deliver").put("text", text).put("coding", "ucs2"));
        }
        awaitTrue(() -> committedOnce(valid), "every valid message committed once");
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> texts = new HashMap<>();
        handler.committed.values().forEach(s -> texts.merge(s.text(), 1L, Long::sum));
        valid.forEach(t -> assertThat(texts.get(t)).as("orders for %s", t).isEqualTo(1L));
        assertThat(handler.committed.values()).extracting(InboundSms::text).noneMatch(t -> t.contains("\uFFFD"));
        assertThat(verticle.binds().get(0).bindCount()).isEqualTo(rebinds + 1);
        System.out.printf("SMPP fuzz: seed %d, %d inputs in %.1f s, %d re-binds, %d valid messages committed once, "
                + "%d mutated ones committed, 0 unanswered; answers %s%n", seed, inputs, seconds, rebinds,
                valid.size(), handler.committed.size() - valid.size(), answers);
    }

    /** Sends the batch in one go and waits for every answer; returns how many of each kind. */
    private Map<String, Integer> answer(List<PduMutations.Input> batch) {
        awaitTrue(this::bound, "bound before a batch");
        smsc.events().clear();
        // all of the batch in one go (the SMSC reads its commands in order), then the sequence numbers it gave them:
        // one control round trip per batch instead of one per PDU is what makes the long run feasible
        for (int i = 0; i < batch.size(); i++) {
            smsc.send(new JsonObject().put("cmd", "raw").put("tag", i + " " + batch.get(i).kind())
                    .put("hex", TestPdus.hex(batch.get(i).pdu())));
        }
        Map<Integer, String> kinds = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String tag = i + " " + batch.get(i).kind();
            JsonObject sent = smsc.await(e -> "raw_sent".equals(e.getString("event")) && tag.equals(e.getString("tag")),
                    WAIT);
            kinds.put(sent.getInteger("seq"), batch.get(i).kind());
        }
        Map<String, Integer> out = new TreeMap<>();
        for (Map.Entry<Integer, String> k : kinds.entrySet()) {
            int seq = k.getKey();
            JsonObject resp;
            try {
                resp = smsc.await(e -> "raw_resp".equals(e.getString("event")) && e.getInteger("seq") == seq, WAIT);
            } catch (AssertionError e) {
                throw new AssertionError("no answer to a mutated PDU (" + k.getValue() + ")", e);
            }
            out.merge(resp.getString("command") + " 0x" + Integer.toHexString(resp.getInteger("status")), 1,
                    Integer::sum);
        }
        return out;
    }

    private void refusedUnread(PduMutations.Input in) {
        awaitTrue(this::bound, "bound before a bad length");
        int binds = verticle.binds().get(0).bindCount();
        smsc.events().clear();
        smsc.send(new JsonObject().put("cmd", "raw").put("tag", in.kind()).put("hex", TestPdus.hex(in.pdu()))
                .put("keepSeq", true));
        JsonObject nack = smsc.await(e -> "generic_nack".equals(e.getString("event")), WAIT);
        assertThat(nack.getInteger("status")).as(in.kind()).isEqualTo(0x02);
        // the ESME ends the connection whose framing is lost (the SMSC sees it closed) and binds again; waiting for
        // both keeps the next batch off the old connection, which the SMSC may not have dropped yet
        smsc.await(e -> "session_closed".equals(e.getString("event")), WAIT);
        awaitTrue(() -> verticle.binds().get(0).bindCount() > binds && bound(), "a new bind after " + in.kind());
    }

    private boolean committedOnce(List<String> valid) {
        Map<String, Long> texts = new HashMap<>();
        handler.committed.values().forEach(s -> texts.merge(s.text(), 1L, Long::sum));
        return valid.stream().allMatch(t -> texts.containsKey(t));
    }

    private boolean bound() {
        return verticle.binds().get(0).state() == SmppBind.State.BOUND;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + WAIT + ": " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
