package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Classification;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestClassifier;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.Test;

/** The hold decision (ADR 0024) over in-memory ports: in the window, outside it, urgent, and what it costs. */
class SurveyRepliesTest {
    private static final String CALLER = "8613900001111";
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofHours(48));
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger classified = new AtomicInteger();
    private final InMemoryHeldReplies held = new InMemoryHeldReplies(store, clock);
    private final HeldReplies counted = new CountingHeldReplies(held, reads);

    /** Urgent when the text says 燃气味, as the directory's matcher does. */
    private final RequestClassifier matcher = r -> {
        classified.incrementAndGet();
        Priority p = r.text().contains("燃气味") ? Priority.EMERGENCY : Priority.NORMAL;
        return new Classification(Optional.of("RP-01"), RequestType.HELP, p, Optional.empty(), Optional.empty(), "");
    };

    private SurveyReplies replies(boolean enabled) {
        return new SurveyReplies(counted, matcher, new ReplyWindow(enabled, Duration.ofHours(48),
                Duration.ofHours(24)), clock);
    }

    private WorkOrder completed() {
        WorkOrder w = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), levels, (x, e) -> { }, clock)
                .receive(IntakeRequest.of("sms:first", Channel.SMS, CALLER, "水管漏水")
                        .withHints(Optional.empty(), Optional.of("RP-01"), Optional.empty()))).workOrder();
        Tracker t = new Tracker(store, levels, (x, e) -> { }, clock);
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            t.move(w.id(), s, "test", Channel.SYSTEM, "test", x -> List.of());
        }
        return store.find(w.id()).orElseThrow();
    }

    @Test
    void aCallerWithNoOrderCostsOneReadAndNoMatching() {
        assertThat(replies(true).hold("sms:1", CALLER, "师傅来了但是水管还在漏")).isEmpty();
        assertThat(reads).hasValue(1);
        assertThat(classified).hasValue(0);
    }

    @Test
    void aReplyToACompletedOrderIsHeldLinkedToItAndTheResidentIsTold() {
        WorkOrder order = completed();
        HeldReply h = replies(true).hold("sms:2", CALLER, "师傅来了但是水管还在漏").orElseThrow();
        assertThat(h.workOrder()).isEqualTo(order.id());
        assertThat(h.ticket()).isEqualTo(order.ticket());
        assertThat(reads).hasValue(1);
        assertThat(store.claimDue(clock.instant(), 100, Duration.ofMinutes(1), Set.of()))
                .extracting(OutboxEntry::message).anySatisfy(m -> {
                    assertThat(m.destination()).isEqualTo(CALLER);
                    assertThat(m.payload()).contains(order.ticket().grouped(), "短信已收到");
                    assertThat(m.dedupeKey()).isEqualTo(ReplyKey.of("sms:2") + ":held");
                });
    }

    @Test
    void anEmergencyIsNeverHeld() {
        completed();
        assertThat(replies(true).hold("sms:3", CALLER, "进门就闻到好浓的燃气味")).isEmpty();
        assertThat(classified).hasValue(1);
        assertThat(held.count()).isZero();
    }

    @Test
    void switchedOffNothingIsReadOrHeld() {
        completed();
        assertThat(replies(false).hold("sms:4", CALLER, "师傅来了但是水管还在漏")).isEmpty();
        assertThat(reads).hasValue(0);
    }
}
