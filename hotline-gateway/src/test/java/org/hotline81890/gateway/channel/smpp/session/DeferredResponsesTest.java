package org.hotline81890.gateway.channel.smpp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.PDUSender;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session's sender holds a deferred deliver_sm_resp back until its status is known, and only that one. */
class DeferredResponsesTest {
    private final AtomicInteger writes = new AtomicInteger();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream() {
        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            super.write(b, off, len);
        }
    };
    private final PDUSender sender = DeferredResponses.sender();

    /** (command id, status, sequence) of every PDU written, in order. */
    private List<int[]> written() {
        ByteBuffer b = ByteBuffer.wrap(wire.toByteArray());
        List<int[]> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            int length = b.getInt();
            out.add(new int[] {b.getInt(), b.getInt(), b.getInt()});
            b.position(b.position() + length - 16);
        }
        assertThat(b.remaining()).isZero();
        return out;
    }

    /** What the listener and jSMPP do for deliver_sm {@code sequence}: defer its answer, then send OK for it. */
    private CompletableFuture<Integer> deferredThenSent(int sequence) throws Exception {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        DeferredResponses.defer(sequence, status);
        sender.sendDeliverSmResp(wire, SMPPConstant.STAT_ESME_ROK, sequence, "");
        return status;
    }

    private static int[] resp(int status, int sequence) {
        return new int[] {SMPPConstant.CID_DELIVER_SM_RESP, status, sequence};
    }

    @AfterEach
    void nothingLeft() {
        assertThat(DeferredResponses.clear()).isFalse();
    }

    @Test
    void anAnswerNotDeferredIsWrittenAtOnce() throws Exception {
        sender.sendDeliverSmResp(wire, SMPPConstant.STAT_ESME_ROK, 5, "");
        assertThat(written()).containsExactly(resp(0, 5));
    }

    @Test
    void aDeferredAnswerWaitsForItsStatus() throws Exception {
        CompletableFuture<Integer> committed = deferredThenSent(6);
        CompletableFuture<Integer> refused = deferredThenSent(7);
        assertThat(written()).isEmpty();
        Thread other = Thread.ofVirtual().start(() -> refused.complete(SMPPConstant.STAT_ESME_RX_T_APPN));
        other.join();
        committed.complete(SMPPConstant.STAT_ESME_ROK);
        assertThat(written()).containsExactly(
                resp(SMPPConstant.STAT_ESME_RX_T_APPN, 7),
                resp(SMPPConstant.STAT_ESME_ROK, 6));
    }

    @Test
    void aStatusThatFailsIsAnsweredRetryLater() throws Exception {
        CompletableFuture<Integer> status = deferredThenSent(8);
        status.completeExceptionally(new IllegalStateException("handler died (test)"));
        assertThat(written()).containsExactly(
                resp(SMPPConstant.STAT_ESME_RX_T_APPN, 8));
    }

    @Test
    void anErrorJsmppAnswersItselfOrAnotherSequenceIsNotHeldBack() throws Exception {
        CompletableFuture<Integer> never = new CompletableFuture<>();
        DeferredResponses.defer(9, never);
        sender.sendDeliverSmResp(wire, SMPPConstant.STAT_ESME_RSYSERR, 9, "");
        DeferredResponses.defer(10, never);
        sender.sendDeliverSmResp(wire, SMPPConstant.STAT_ESME_ROK, 11, "");
        assertThat(written()).containsExactly(
                resp(SMPPConstant.STAT_ESME_RSYSERR, 9),
                resp(SMPPConstant.STAT_ESME_ROK, 11));
    }

    /** A journal batch's commit completes its answers together: they leave in one write, after the last of them. */
    @Test
    void answersCompletedTogetherLeaveInOneWriteOnceAllAreComplete() throws Exception {
        CompletableFuture<Integer> a = deferredThenSent(12);
        CompletableFuture<Integer> b = deferredThenSent(13);
        CompletableFuture<Integer> c = deferredThenSent(14);
        DeferredResponses.together(() -> {
            a.complete(SMPPConstant.STAT_ESME_ROK);
            b.complete(SMPPConstant.STAT_ESME_RX_T_APPN);
            assertThat(written()).as("held until the batch is complete").isEmpty();
        });
        assertThat(written()).containsExactly(resp(SMPPConstant.STAT_ESME_ROK, 12),
                resp(SMPPConstant.STAT_ESME_RX_T_APPN, 13));
        assertThat(writes).hasValue(1);
        c.complete(SMPPConstant.STAT_ESME_ROK);
        assertThat(written()).hasSize(3);
    }
}
