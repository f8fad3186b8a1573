package org.hotline81890.gateway.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.load.AreaLoader;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.gateway.matching.Corrections;
import org.hotline81890.gateway.matching.DirectoryClassifier;
import org.hotline81890.gateway.matching.InMemoryCorrectionStore;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.Test;

class TicketDeskTest {
    private static final Directory DIRECTORY = DirectoryLoader.loadDefault();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(24), Duration.ofDays(10),
            Duration.ofHours(48));
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
    private final DirectoryClassifier classifier = new DirectoryClassifier(DIRECTORY, text -> {
        throw new AssertionError("the desk's choice needs no matching");
    }, clock);
    private final InMemoryCorrectionStore corrections = new InMemoryCorrectionStore();
    private final List<LabelledExample> learnt = new ArrayList<>();
    private final TicketDesk desk = new TicketDesk(store, tracker, DIRECTORY, AreaLoader.loadDefault(), classifier,
            new Corrections(corrections, DIRECTORY, learnt::add, clock), clock);

    private WorkOrder call(String key) {
        IntakeResult r = new Intake(store, classifier, levels, EventPublisher.NONE, clock).receive(
                IntakeRequest.of(key, Channel.PHONE, "13700007777", ""));
        return ((IntakeResult.Accepted) r).workOrder();
    }

    private static TicketForm form(WorkOrder w, RequestType type, String service, String matcherFirst, Area area) {
        return new TicketForm(w.ticket(), "家里水管爆了，厨房在漏水", type, service, matcherFirst, Priority.URGENT, area,
                "居民在家");
    }

    private static Area area(String... levels) {
        List<Optional<String>> l = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            l.add(i < levels.length ? Optional.of(levels[i]) : Optional.empty());
        }
        return new Area(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4));
    }

    private List<OutboxEntry> dispatchRows() {
        return store.claimDue(clock.instant().plusSeconds(1), 100, Duration.ofMinutes(1)).stream()
                .filter(e -> e.message().kind().equals(Dispatch.KIND)).toList();
    }

    @Test
    void dispatchingAPhoneCallsOrderWritesTheAgentsClassificationAndOneDispatchRequest() {
        WorkOrder w = call("phone:1");
        Area a = area("海曙区", "鼓楼街道", "中山社区", "第一网格", "中山西路1号");
        TicketResult r = desk.handle(form(w, RequestType.HELP, "RP-01", "RP-01", a), Handling.DISPATCH, "wangfang");

        assertThat(r).isInstanceOf(TicketResult.Done.class);
        WorkOrder after = store.find(w.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(WorkOrderState.MATCHED);
        assertThat(after.serviceCode()).contains("RP-01");
        assertThat(after.text()).isEqualTo("家里水管爆了，厨房在漏水");
        assertThat(after.priority()).isEqualTo(Priority.URGENT);
        assertThat(after.area()).isEqualTo(a);
        assertThat(store.history(w.id()).getLast().actor()).isEqualTo("wangfang");
        assertThat(store.history(w.id()).getLast().details()).contains("dispatched", "RP-01", "居民在家");
        assertThat(dispatchRows()).hasSize(1);
        assertThat(corrections.pending(10)).isEmpty();
    }

    @Test
    void aServiceOtherThanTheMatchersFirstIsRecordedAsACorrection() {
        WorkOrder w = call("phone:2");
        TicketResult r = desk.handle(form(w, RequestType.HELP, "RP-01", "RE-05", Area.UNKNOWN), Handling.DISPATCH,
                "wangfang");

        assertThat(r).isInstanceOfSatisfying(TicketResult.Done.class,
                d -> assertThat(d.correction()).hasValueSatisfying(c -> assertThat(c).contains("RE-05 → RP-01")));
        assertThat(corrections.pending(10)).singleElement().satisfies(c -> {
            assertThat(c.matcherFirst()).isEqualTo("RE-05");
            assertThat(c.chosen()).isEqualTo("RP-01");
            assertThat(c.ticket()).contains(w.ticket().value());
        });
    }

    @Test
    void aConsultationAnsweredAtFirstContactIsAnsweredAndNotDispatched() {
        WorkOrder w = call("phone:3");
        String code = DIRECTORY.services().stream()
                .filter(s -> s.defaultRequestType() == RequestType.CONSULTATION).findFirst().orElseThrow().code();
        TicketResult r = desk.handle(form(w, RequestType.CONSULTATION, code, code, Area.UNKNOWN), Handling.ANSWER,
                "wangfang");

        assertThat(r).isInstanceOf(TicketResult.Done.class);
        WorkOrder after = store.find(w.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(WorkOrderState.ANSWERED);
        assertThat(after.deadlines().surveyAt()).isPresent();
        assertThat(dispatchRows()).isEmpty();
    }

    @Test
    void badFormsAreRefusedNamingTheFieldAndChangeNothing() {
        WorkOrder w = call("phone:4");
        assertThat(desk.handle(form(w, RequestType.HELP, "ZZ-99", "NONE", Area.UNKNOWN), Handling.DISPATCH, "a"))
                .isEqualTo(new TicketResult.Refused("serviceCode", "没有服务 ZZ-99"));
        assertThat(desk.handle(form(w, RequestType.HELP, "", "NONE", Area.UNKNOWN), Handling.DISPATCH, "a"))
                .isInstanceOfSatisfying(TicketResult.Refused.class,
                        f -> assertThat(f.field()).isEqualTo("serviceCode"));
        assertThat(desk.handle(form(w, RequestType.HELP, "RP-01", "NONE", area("海曙区", "鼓楼街道", "天一社区")),
                Handling.DISPATCH, "a")).isInstanceOfSatisfying(TicketResult.Refused.class,
                        f -> assertThat(f.field()).isEqualTo("area"));
        assertThat(desk.handle(form(w, RequestType.COMPLAINT, "RP-01", "NONE", Area.UNKNOWN), Handling.ANSWER, "a"))
                .isInstanceOfSatisfying(TicketResult.Refused.class,
                        f -> assertThat(f.field()).isEqualTo("requestType"));
        assertThat(desk.handle(new TicketForm(w.ticket(), " ", RequestType.HELP, "RP-01", "NONE", Priority.NORMAL,
                Area.UNKNOWN, ""), Handling.DISPATCH, "a")).isInstanceOfSatisfying(TicketResult.Refused.class,
                        f -> assertThat(f.field()).isEqualTo("text"));

        assertThat(store.find(w.id()).orElseThrow()).isEqualTo(w);
        assertThat(store.history(w.id())).hasSize(1);
        assertThat(dispatchRows()).isEmpty();
        assertThat(corrections.pending(10)).isEmpty();
    }

    @Test
    void anOrderAlreadyDispatchedIsNotOpenAndStaysAsItWas() {
        WorkOrder w = call("phone:5");
        desk.handle(form(w, RequestType.HELP, "RP-01", "RP-01", Area.UNKNOWN), Handling.DISPATCH, "a");
        tracker.move(w.id(), WorkOrderState.OFFERED, "partner-network", Channel.SYSTEM, "offered", x -> List.of());
        WorkOrder offered = store.find(w.id()).orElseThrow();

        assertThat(desk.handle(form(w, RequestType.HELP, "RE-05", "RP-01", Area.UNKNOWN), Handling.DISPATCH, "b"))
                .isEqualTo(new TicketResult.NotOpen(WorkOrderState.OFFERED));
        assertThat(store.find(w.id()).orElseThrow()).isEqualTo(offered);
        assertThat(corrections.pending(10)).isEmpty();
    }
}
