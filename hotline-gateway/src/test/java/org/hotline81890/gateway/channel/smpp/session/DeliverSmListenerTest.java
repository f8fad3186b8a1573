package org.hotline81890.gateway.channel.smpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.hotline81890.gateway.sms.InMemoryPartStore;
import org.hotline81890.gateway.channel.smpp.intake.RecordingInboundHandler;
import org.hotline81890.gateway.channel.smpp.intake.InboundOutcome;
import org.hotline81890.gateway.channel.smpp.intake.InboundSmsHandler;
import org.hotline81890.gateway.channel.smpp.intake.QueuedInboundSmsHandler;
import org.hotline81890.gateway.channel.smpp.intake.Reassembler;
import org.hotline81890.gateway.channel.smpp.pdu.DeliverSmReader;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliverSmListenerTest {
    private final ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor();
    private final InMemoryPartStore store = new InMemoryPartStore();
    private final RecordingInboundHandler handler = new RecordingInboundHandler();
    /** The answers the listener deferred, by deliver_sm sequence number. */
    private final Map<Integer, CompletionStage<Integer>> deferred = new ConcurrentHashMap<>();
    private final DeliverSmListener listener = listener(handler);

    private DeliverSmListener listener(InboundSmsHandler inbound) {
        return new DeliverSmListener(new DeliverSmReader(Optional.empty()),
                new Reassembler(store, Clock.systemUTC(), Duration.ofMinutes(1), "s"), inbound, handler, vts,
                Clock.systemUTC(), Duration.ofSeconds(5), deferred::put);
    }

    @AfterEach
    void close() {
        vts.close();
    }

    private static DeliverSm pdu(byte[] sm, int esm) {
        DeliverSm d = new DeliverSm();
        d.setSourceAddr("8613800000000");
        d.setDestAddress("81890");
        d.setEsmClass((byte) esm);
        d.setDataCoding((byte) 8);
        d.setShortMessage(sm);
        return d;
    }

    private int answer(int sequence) throws Exception {
        return deferred.get(sequence).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCommittedTextIsAnsweredOkOnlyOnceTheHandlerSaidSoWithoutHoldingTheCallingThread() throws Exception {
        CountDownLatch commit = new CountDownLatch(1);
        DeliverSmListener slow = listener(sms -> {
            try {
                commit.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return handler.handle(sms);
        });
        DeliverSm d = pdu("路灯".getBytes(StandardCharsets.UTF_16BE), 0);
        d.setSequenceNumber(41);
        slow.onAcceptDeliverSm(d);
        CompletionStage<Integer> status = deferred.get(41);
        Thread.sleep(100);
        assertThat(status.toCompletableFuture()).isNotDone();
        assertThat(handler.committed).isEmpty();
        commit.countDown();
        assertThat(answer(41)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        assertThat(handler.committedTexts()).containsExactly("路灯");
    }

    /** The journal's appender: a one-part text is queued and answered when its commit completes, on no own thread. */
    @Test
    void aQueuedTextIsAnsweredByItsCommitWithoutAThreadOfItsOwn() throws Exception {
        Map<String, CompletableFuture<InboundOutcome>> queued = new ConcurrentHashMap<>();
        DeliverSmListener journal = listener((QueuedInboundSmsHandler) sms -> queued.computeIfAbsent(sms.text(),
                t -> new CompletableFuture<>()));
        vts.shutdown(); // a text handed to a virtual thread would be refused now
        DeliverSm first = pdu("路灯".getBytes(StandardCharsets.UTF_16BE), 0);
        first.setSequenceNumber(51);
        DeliverSm second = pdu("井盖".getBytes(StandardCharsets.UTF_16BE), 0);
        second.setSequenceNumber(52);
        journal.onAcceptDeliverSm(first);
        journal.onAcceptDeliverSm(second);

        assertThat(queued).containsOnlyKeys("路灯", "井盖");
        assertThat(deferred.get(51).toCompletableFuture()).isNotDone();
        queued.get("路灯").complete(new InboundOutcome.Committed("journal"));
        queued.get("井盖").complete(new InboundOutcome.Retry("journal down (test)"));
        assertThat(answer(51)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        assertThat(answer(52)).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    @Test
    void retryBecomesRxTAppn() throws Exception {
        handler.retriesLeft.set(1);
        DeliverSm d = pdu("路灯".getBytes(StandardCharsets.UTF_16BE), 0);
        d.setSequenceNumber(7);
        listener.onAcceptDeliverSm(d);
        assertThat(answer(7)).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
        assertThat(handler.committed).isEmpty();
    }

    @Test
    void aHandlerThatThrowsOnAOnePartTextBecomesRxTAppn() throws Exception {
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        DeliverSmListener failing = listener(sms -> {
            ranOn.add(Thread.currentThread());
            throw new IllegalStateException("boom (test)");
        });
        DeliverSm d = pdu("路灯".getBytes(StandardCharsets.UTF_16BE), 0);
        d.setSequenceNumber(8);
        failing.onAcceptDeliverSm(d);
        assertThat(answer(8)).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
        assertThat(ranOn).hasSize(1).doesNotContain(caller);
    }

    @Test
    void aTextArrivingDuringShutdownIsRefusedRetryably() {
        vts.shutdown();
        assertThatThrownBy(() -> listener.onAcceptDeliverSm(pdu("路灯".getBytes(StandardCharsets.UTF_16BE), 0)))
                .isInstanceOfSatisfying(ProcessRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN));
        assertThat(deferred).isEmpty();
    }

    private DeliverSm part(byte[] sm, int sequence) {
        DeliverSm d = pdu(sm, 0x40);
        d.setSequenceNumber(sequence);
        return d;
    }

    @Test
    void partStoreDownRefusesThePartRetryably() throws Exception {
        store.down = true;
        listener.onAcceptDeliverSm(part(new byte[] {5, 0, 3, 1, 2, 1, (byte) 0x8d, (byte) 0xef}, 20));
        assertThat(answer(20)).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    @Test
    void firstPartIsAckedAfterStagingAndTheLastCommits() throws Exception {
        listener.onAcceptDeliverSm(part(new byte[] {5, 0, 3, 1, 2, 1, (byte) 0x8d, (byte) 0xef}, 21));
        assertThat(answer(21)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        assertThat(store.size()).isEqualTo(1);
        assertThat(handler.calls).isEmpty();
        listener.onAcceptDeliverSm(part(new byte[] {5, 0, 3, 1, 2, 2, 0x70, 0x6f}, 22));
        assertThat(answer(22)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        assertThat(handler.committedTexts()).containsExactly("路灯");
        assertThat(store.size()).isZero();
    }

    @Test
    void aPartStagedTooSlowlyIsAnsweredRetryAfterTheTimeout() throws Exception {
        DeliverSmListener quick = new DeliverSmListener(new DeliverSmReader(Optional.empty()),
                new Reassembler(store, Clock.systemUTC(), Duration.ofMinutes(1), "s"), handler, handler, vts,
                Clock.systemUTC(), Duration.ofMillis(50), deferred::put);
        store.delay = Duration.ofMillis(500);
        quick.onAcceptDeliverSm(part(new byte[] {5, 0, 3, 1, 2, 1, (byte) 0x8d, (byte) 0xef}, 23));
        assertThat(answer(23)).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
    }
}
