package org.hotline81890.gateway.channel.smpp.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.hotline81890.gateway.sms.InMemoryPartStore;
import org.hotline81890.gateway.channel.smpp.pdu.Concat;
import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.channel.smpp.pdu.IncomingPdu;
import org.hotline81890.gateway.sms.PartKey;
import org.junit.jupiter.api.Test;

class ReassemblerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final InMemoryPartStore store = new InMemoryPartStore();
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private Reassembler reassembler() {
        return new Reassembler(store, clock, Duration.ofMinutes(2), "smsc1");
    }

    private static IncomingPdu.MoPart part(int ref, int seq, int total, String text, Optional<String> id) {
        return new IncomingPdu.MoPart("8613800000000", "81890", text,
                Optional.of(new Concat(ref, total, seq, Concat.Scheme.UDH_8BIT)), id, "fp", T0);
    }

    @Test
    void outOfOrderPartsCompleteAndRepeatsAreHarmless() {
        Reassembler r = reassembler();
        assertThat(r.accept(part(9, 3, 3, "丙", Optional.empty()))).isEmpty();
        assertThat(r.accept(part(9, 1, 3, "甲", Optional.empty()))).isEmpty();
        assertThat(r.accept(part(9, 1, 3, "甲", Optional.empty()))).isEmpty();
        Reassembler.Ready ready = r.accept(part(9, 2, 3, "乙", Optional.empty())).orElseThrow();
        assertThat(ready.sms().text()).isEqualTo("甲乙丙");
        assertThat(ready.sms().complete()).isTrue();
        assertThat(ready.sms().idempotencyKey()).startsWith("sms:");
        r.done(ready.staged().orElseThrow());
        assertThat(store.size()).isZero();
    }

    @Test
    void sameMessageGivesSameKeyAndDifferentRefGivesAnother() {
        Reassembler r = reassembler();
        r.accept(part(1, 1, 2, "a", Optional.empty()));
        String k1 = r.accept(part(1, 2, 2, "b", Optional.empty())).orElseThrow().sms().idempotencyKey();
        String k1again = r.accept(part(1, 2, 2, "b", Optional.empty())).orElseThrow().sms().idempotencyKey();
        store.delete(new PartKey("8613800000000", "81890", 1));
        r.accept(part(2, 1, 2, "a", Optional.empty()));
        IncomingPdu.MoPart other = new IncomingPdu.MoPart("8613800000000", "81890", "b",
                Optional.of(new Concat(2, 2, 2, Concat.Scheme.UDH_8BIT)), Optional.empty(), "fp2", T0);
        String k2 = r.accept(other).orElseThrow().sms().idempotencyKey();
        assertThat(k1).isEqualTo(k1again).isNotEqualTo(k2);
    }

    @Test
    void smscMessageIdWinsOverTheHash() {
        Reassembler r = reassembler();
        r.accept(part(3, 1, 2, "a", Optional.of("X1")));
        assertThat(r.accept(part(3, 2, 2, "b", Optional.empty())).orElseThrow().sms().idempotencyKey())
                .isEqualTo("smsc:smsc1:X1");
    }

    @Test
    void timeoutReleasesWhatArrivedMarkedIncomplete() {
        reassembler().accept(part(5, 1, 3, "甲", Optional.empty()));
        reassembler().accept(part(5, 3, 3, "丙", Optional.empty()));
        assertThat(reassembler().expired()).isEmpty();
        clock = Clock.fixed(T0.plus(Duration.ofMinutes(3)), ZoneOffset.UTC);
        RecordingInboundHandler handler = new RecordingInboundHandler();
        assertThat(new PartSweeper(reassembler(), handler).sweepOnce()).isEqualTo(1);
        InboundSms sms = handler.calls.get(0);
        assertThat(sms.text()).isEqualTo("甲丙");
        assertThat(sms.complete()).isFalse();
        assertThat(sms.partsReceived()).isEqualTo(2);
        assertThat(sms.partsExpected()).isEqualTo(3);
        assertThat(store.size()).isZero();
    }

    @Test
    void sweepKeepsPartsWhenTheHandlerAsksForRetry() {
        reassembler().accept(part(6, 1, 2, "甲", Optional.empty()));
        clock = Clock.fixed(T0.plus(Duration.ofMinutes(3)), ZoneOffset.UTC);
        RecordingInboundHandler handler = new RecordingInboundHandler();
        handler.retriesLeft.set(1);
        assertThat(new PartSweeper(reassembler(), handler).sweepOnce()).isZero();
        assertThat(store.size()).isEqualTo(1);
        assertThat(new PartSweeper(reassembler(), handler).sweepOnce()).isEqualTo(1);
    }

    @Test
    void partRedeliveredAfterItsMessageWasCommittedIsOnlyAcknowledged() {
        Reassembler r = reassembler();
        r.accept(part(7, 1, 2, "甲", Optional.empty()));
        Reassembler.Ready ready = r.accept(part(7, 2, 2, "乙", Optional.empty())).orElseThrow();
        r.done(ready.staged().orElseThrow());
        assertThat(r.accept(part(7, 2, 2, "乙", Optional.empty()))).isEmpty();
        assertThat(r.accept(part(7, 1, 2, "甲", Optional.empty()))).isEmpty();
        assertThat(store.size()).isZero();
        clock = Clock.fixed(T0.plus(Duration.ofMinutes(3)), ZoneOffset.UTC);
        assertThat(reassembler().expired()).isEmpty();
    }

    @Test
    void reusedReferenceWithANewTextStartsANewMessage() {
        Reassembler r = reassembler();
        r.accept(part(8, 1, 2, "甲", Optional.empty()));
        r.done(r.accept(part(8, 2, 2, "乙", Optional.empty())).orElseThrow().staged().orElseThrow());
        assertThat(r.accept(part(8, 1, 2, "丙", Optional.empty()))).isEmpty();
        assertThat(r.accept(part(8, 2, 2, "丁", Optional.empty())).orElseThrow().sms().text()).isEqualTo("丙丁");
    }
}
