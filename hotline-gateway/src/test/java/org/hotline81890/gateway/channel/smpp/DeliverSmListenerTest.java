package org.hotline81890.gateway.channel.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliverSmListenerTest {
    private final ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor();
    private final InMemoryPartStore store = new InMemoryPartStore();
    private final RecordingInboundHandler handler = new RecordingInboundHandler();
    private final DeliverSmListener listener = new DeliverSmListener(new DeliverSmReader(Optional.empty()),
            new Reassembler(store, Clock.systemUTC(), Duration.ofMinutes(1), "s"), handler, handler, vts,
            Clock.systemUTC(), Duration.ofSeconds(5));

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

    @Test
    void retryBecomesRxTAppn() {
        handler.retriesLeft.set(1);
        assertThatThrownBy(() -> listener.onAcceptDeliverSm(pdu("路灯".getBytes(StandardCharsets.UTF_16BE), 0)))
                .isInstanceOfSatisfying(ProcessRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN));
        assertThat(handler.committed).isEmpty();
    }

    @Test
    void aHandlerThatThrowsOnAOnePartTextBecomesRxTAppnOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        DeliverSmListener failing = new DeliverSmListener(new DeliverSmReader(Optional.empty()),
                new Reassembler(store, Clock.systemUTC(), Duration.ofMinutes(1), "s"), sms -> {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    throw new IllegalStateException("boom (test)");
                }, handler, vts, Clock.systemUTC(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> failing.onAcceptDeliverSm(pdu("路灯".getBytes(StandardCharsets.UTF_16BE), 0)))
                .isInstanceOfSatisfying(ProcessRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
                    assertThat(e).hasMessageContaining("boom (test)");
                });
    }

    @Test
    void partStoreDownRefusesThePartRetryably() {
        store.down = true;
        byte[] part = {5, 0, 3, 1, 2, 1, (byte) 0x8d, (byte) 0xef};
        assertThatThrownBy(() -> listener.onAcceptDeliverSm(pdu(part, 0x40)))
                .isInstanceOfSatisfying(ProcessRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN));
    }

    @Test
    void firstPartIsAckedAfterStagingAndTheLastCommits() throws Exception {
        listener.onAcceptDeliverSm(pdu(new byte[] {5, 0, 3, 1, 2, 1, (byte) 0x8d, (byte) 0xef}, 0x40));
        assertThat(store.size()).isEqualTo(1);
        assertThat(handler.calls).isEmpty();
        listener.onAcceptDeliverSm(pdu(new byte[] {5, 0, 3, 1, 2, 2, 0x70, 0x6f}, 0x40));
        assertThat(handler.committedTexts()).containsExactly("路灯");
        assertThat(store.size()).isZero();
    }
}
