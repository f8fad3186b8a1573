package org.hotline81890.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.http.WorkOrderJson;
import org.hotline81890.gateway.dispatch.DispatchOutcomes;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.junit.jupiter.api.Test;

/**
 * The simulated day's report reads orders as the admin API returns them, histories written by the real use cases:
 * a reopened order that then waits for opening hours (or is transferred while REOPENED) has events whose state is
 * REOPENED without a second reopen; an order held at night is late by the clock but not by its opening.
 */
class DayReportTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T14:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3));
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
    private final Intake intake = new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE, clock);

    private WorkOrder received(String caller) {
        return ((IntakeResult.Accepted) intake.receive(IntakeRequest.of("k" + caller, Channel.SMS, caller,
                "下水道堵了"))).workOrder();
    }

    private void move(WorkOrder w, WorkOrderState... states) {
        for (WorkOrderState s : states) {
            tracker.move(w.id(), s, "t", Channel.SYSTEM, "", x -> List.of());
        }
    }

    private void hold(WorkOrder w, Instant opening) {
        tracker.record(w.id(), "partner-network", Channel.SYSTEM, DispatchOutcomes.HELD + ": nobody who can take it "
                + "is open now (P-1 closed); company: hold, offered at " + opening + " when P-1 opens; respond-by "
                + "and complete-by counted from then", x -> x, x -> List.of());
    }

    private DayReport.Order read(WorkOrder w) {
        JsonObject json = WorkOrderJson.withHistory(store.find(w.id()).orElseThrow(), store.history(w.id()));
        return DayReport.order(new JsonObject(json.encode()), "sms");
    }

    @Test
    void anUnsatisfiedAnswerIsOneReopenEvenWhenTheReopenedOrderIsHeldOrTransferred() {
        WorkOrder w = received("13800001111");
        move(w, WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED);
        new Survey(store, tracker).answer(Optional.empty(), "13800001111", SurveyAnswer.UNSATISFIED, Channel.SMS);
        hold(w, clock.instant().plus(Duration.ofHours(9)));
        tracker.record(w.id(), "partner-network", Channel.SYSTEM, "transfer (转办) to D-1", x -> x, x -> List.of());

        DayReport.Order o = read(w);
        assertThat(o.state()).isEqualTo(WorkOrderState.REOPENED);
        assertThat(o.unsatisfied()).isEqualTo(1);
        assertThat(o.reopened()).as("one move into REOPENED, whatever was recorded while there").isEqualTo(1);
    }

    @Test
    void anOrderHeldForTheOpeningIsLateByTheClockButOnTimeByTheOpening() {
        Instant opening = clock.instant().plus(Duration.ofHours(9));
        WorkOrder held = received("13800002222");
        move(held, WorkOrderState.MATCHED);
        hold(held, opening);
        WorkOrder open = received("13800003333");
        move(open, WorkOrderState.MATCHED, WorkOrderState.OFFERED);

        DayReport.Order h = DayReport.order(json(held, opening.plus(Duration.ofMinutes(3))), "web");
        DayReport.Order o = read(open);
        assertThat(h.heldUntil()).contains(opening);
        assertThat(h.offeredInTime()).isFalse();
        assertThat(h.offeredInTimeFromOpening()).isTrue();
        assertThat(o.heldUntil()).isEmpty();
        assertThat(o.offeredInTime()).isTrue();
        WorkOrder nobody = received("13800004444");
        move(nobody, WorkOrderState.MATCHED, WorkOrderState.ESCALATED);
        DayReport.Order n = read(nobody);
        assertThat(n.noProvider()).isTrue();
        assertThat(o.noProvider()).isFalse();
        assertThat(h.noProvider()).isFalse();
        DayReport.Figures f = new DayReport.Figures(List.of(h, o, n), 0, new JsonObject(), Instant.EPOCH);
        assertThat(f.offeredWithinGoal()).isEqualTo(1.0 / 3);
        assertThat(f.offeredWithinGoalWhenOpen()).as("neither the held order nor the one nobody serves")
                .isEqualTo(1.0);
        assertThat(f.heldOfferedWithinGoalOfOpening()).isEqualTo(1.0);
        assertThat(f.heldOfferedWithinGoalOfOpeningBefore(opening.plusSeconds(1))).isEqualTo(1.0);
        assertThat(f.count(x -> DayReport.Figures.heldBefore(x, opening))).as("an opening at the day's end is the "
                + "drain's").isZero();
    }

    /** The held order's JSON with its first offer at {@code offeredAt} (the fixed clock cannot move to the morning). */
    private JsonObject json(WorkOrder w, Instant offeredAt) {
        JsonObject j = new JsonObject(WorkOrderJson.withHistory(store.find(w.id()).orElseThrow(),
                store.history(w.id())).encode());
        j.getJsonArray("history").add(new JsonObject().put("at", offeredAt.toString()).put("from", "MATCHED")
                .put("to", "OFFERED").put("details", "offered to P-1"));
        return j;
    }

    @Test
    void aCallToldToTheAgentCountsFromItsPlacementATextFromItsArrival() {
        WorkOrder call = ((IntakeResult.Accepted) intake.receive(IntakeRequest.of("call-1", Channel.PHONE,
                "13800005555", ""))).workOrder();
        WorkOrder text = received("13800006666");
        assertThat(call.state()).isEqualTo(WorkOrderState.RECEIVED);
        assertThat(text.state()).isEqualTo(WorkOrderState.RECEIVED);

        // both placed by an agent 6 minutes after the order was opened, offered a minute later
        DayReport.Order phone = DayReport.order(placedAndOffered(call), "phone");
        DayReport.Order sms = DayReport.order(placedAndOffered(text), "sms");
        assertThat(phone.promiseFrom()).isEqualTo(call.createdAt().plus(Duration.ofMinutes(6)));
        assertThat(phone.toOffer()).contains(Duration.ofMinutes(1));
        assertThat(phone.toOfferFromCreation()).contains(Duration.ofMinutes(7));
        assertThat(phone.offeredInTime()).isTrue();
        assertThat(sms.promiseFrom()).isEqualTo(text.createdAt());
        assertThat(sms.toOffer()).contains(Duration.ofMinutes(7));
        assertThat(sms.offeredInTime()).isFalse();

        DayReport.Figures f = new DayReport.Figures(List.of(phone, sms), 0, new JsonObject(), Instant.EPOCH);
        assertThat(f.offeredWithinGoalWhenOpenBy("phone")).containsExactly(1.0, 0.0);
        assertThat(f.offeredWithinGoalWhenOpenBy("sms")).containsExactly(0.0, 0.0);
    }

    /** The order's JSON with an agent's placement 6 minutes after its creation and the first offer a minute later. */
    private JsonObject placedAndOffered(WorkOrder w) {
        JsonObject j = new JsonObject(WorkOrderJson.withHistory(store.find(w.id()).orElseThrow(),
                store.history(w.id())).encode());
        Instant placed = w.createdAt().plus(Duration.ofMinutes(6));
        j.getJsonArray("history").add(new JsonObject().put("at", placed.toString()).put("from", "RECEIVED")
                .put("to", "MATCHED").put("channel", "agent").put("details", "placed by the agent"));
        j.getJsonArray("history").add(new JsonObject().put("at", placed.plus(Duration.ofMinutes(1)).toString())
                .put("from", "MATCHED").put("to", "OFFERED").put("details", "offered to P-1"));
        return j;
    }
}
