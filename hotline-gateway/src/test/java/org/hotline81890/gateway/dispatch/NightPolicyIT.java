package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The night and weekend policy across a simulated weekend on real MariaDB (ADR 0019), on a clock the test moves:
 * at Saturday 06:13 a home-cleaning request and a complaint for a department are held (nobody works weekends), the
 * residents are told when, and their promises count from Monday 08:30; an urgent request escalates at once. On
 * Monday at opening the scheduler offers both; the department's handling deadline counts from then.
 */
class NightPolicyIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant SATURDAY_0613 = shanghai("2026-12-05T06:13");
    private static final Instant MONDAY_0830 = shanghai("2026-12-07T08:30");
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static PartnerModule partners;
    private static final ManualClock CLOCK = new ManualClock(SATURDAY_0613);

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> env = TestEnv.dispatching(db, dataDir, "it-token-after-hours-0123");
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, CLOCK);
        partners = app.module(PartnerModule.class).orElseThrow();
        partners.saveProviders(List.of(
                provider("P-HOME", ProviderKind.PARTNER_COMPANY, "HK-01", "MON-FRI 08:30-17:30", "13900000001"),
                provider("DEP-CG", ProviderKind.DEPARTMENT, "MC-02", "MON-FRI 08:30-17:30", "19905740009")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        db.close();
    }

    @Test
    void aSaturdayMorningRequestShouldWaitForMondayAndAnUrgentOneEscalateAtOnce() throws Exception {
        WorkOrder cleaning = intake("it:night:home", "HK-01", "周六早上想约个保洁", "13800001001", Priority.NORMAL);
        WorkOrder complaint = intake("it:night:dept", "MC-02", "楼下有人占道经营", "13800001002", Priority.NORMAL);
        WorkOrder urgent = intake("it:night:urgent", "HK-01", "家里老人摔倒了需要人来帮忙", "13800001003",
                Priority.EMERGENCY);

        Eventually.waitFor("held", WAIT, () -> heldEvent(cleaning).isPresent() && heldEvent(complaint).isPresent());
        Eventually.waitFor("urgent escalated", WAIT, () -> state(urgent) == WorkOrderState.ESCALATED);
        assertThat(lastEvent(urgent)).contains("after hours: emergency: escalate at once")
                .contains("closed at Sat 06:13");
        assertThat(heldEvent(cleaning).orElseThrow()).contains("others: hold").contains(MONDAY_0830.toString());
        assertThat(heldEvent(complaint).orElseThrow()).contains("departments: next-working-day");
        for (WorkOrder w : List.of(cleaning, complaint)) {
            assertThat(state(w)).as("held, not escalated").isEqualTo(WorkOrderState.MATCHED);
            assertThat(partners.offers().forWorkOrder(JobFacts.ref(w))).as("no offer at the weekend").isEmpty();
            assertThat(smsTo(w.callerNumber())).as("the resident is told when")
                    .anyMatch(t -> t.contains("12月7日08:30上班后为您派单"));
            assertThat(pending(w.id().value())).as("nothing fires before Monday's opening")
                    .allMatch(due -> !due.isBefore(MONDAY_0830)).contains(MONDAY_0830);
        }
        WorkOrder cleaningHeld = find(cleaning);
        assertThat(cleaningHeld.deadlines().respondBy()).as("help: 4 h, counted from the opening")
                .contains(MONDAY_0830.plus(Duration.ofHours(4)));
        assertThat(cleaningHeld.deadlines().completeBy()).as("10 working days from Monday")
                .contains(shanghai("2026-12-21T08:30"));
        WorkOrder complaintHeld = find(complaint);
        assertThat(complaintHeld.deadlines().respondBy()).as("complaint: 1 working day from Monday")
                .contains(shanghai("2026-12-08T08:30"));
        assertThat(complaintHeld.deadlines().completeBy()).as("15 working days from Monday")
                .contains(shanghai("2026-12-28T08:30"));

        CLOCK.set(MONDAY_0830.plusSeconds(1));
        Eventually.waitFor("offered at Monday's opening", WAIT, () -> state(cleaning) == WorkOrderState.OFFERED
                && state(complaint) == WorkOrderState.OFFERED);
        Offer home = partners.offers().forWorkOrder(JobFacts.ref(cleaning)).getFirst();
        assertThat(home.provider()).isEqualTo(ProviderId.of("P-HOME"));
        assertThat(home.offeredAt()).isEqualTo(MONDAY_0830.plusSeconds(1));
        assertThat(home.acceptBy()).as("the usual 5 minutes, from Monday").isEqualTo(MONDAY_0830.plusSeconds(301));
        Offer transfer = partners.offers().forWorkOrder(JobFacts.ref(complaint)).getFirst();
        assertThat(transfer.kind()).isEqualTo(OfferKind.TRANSFER);
        assertThat(transfer.offeredAt()).isEqualTo(MONDAY_0830.plusSeconds(1));
        assertThat(transfer.acceptBy()).as("sign by the respond-by promise").isEqualTo(shanghai("2026-12-08T08:30"));
        assertThat(transfer.handleBy()).as("the transfer's handling deadline counts from Monday")
                .contains(shanghai("2026-12-28T08:30"));
        assertThat(state(urgent)).isEqualTo(WorkOrderState.ESCALATED);
    }

    private static WorkOrder intake(String key, String service, String text, String caller, Priority priority) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街3号"));
        IntakeResult r = app.core().intake().receive(new IntakeRequest(key, Channel.WEB, caller, text,
                Optional.empty(), Optional.of(service), Optional.of(priority), area, "it", x -> List.of()));
        app.wakeRelay();
        return ((IntakeResult.Accepted) r).workOrder();
    }

    private static Provider provider(String id, ProviderKind kind, String service, String hours, String sms) {
        return new Provider(ProviderId.of(id), kind, id, Set.of(ServiceCode.of(service)), Coverage.of("海曙区"),
                OpeningHours.of(hours), new Capacity(50), new ContactChannels(Optional.empty(),
                Optional.of(PhoneNumber.of(sms)), Optional.empty()), ProviderStatus.ACTIVE, new Rating(4.0));
    }

    private static WorkOrder find(WorkOrder w) {
        return app.core().store().find(w.id()).orElseThrow();
    }

    private static WorkOrderState state(WorkOrder w) {
        return find(w).state();
    }

    private static String lastEvent(WorkOrder w) {
        return app.core().store().history(w.id()).getLast().details();
    }

    private static Optional<String> heldEvent(WorkOrder w) {
        return app.core().store().history(w.id()).stream().map(WorkOrderEvent::details)
                .filter(d -> d.startsWith("held (非工作时间)")).findFirst();
    }

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static List<String> smsTo(String number) throws Exception {
        return rows("SELECT payload FROM outbox WHERE kind = 'sms' AND destination = ? ORDER BY id", number);
    }

    /** Pending deadlines of the work order (its own and its hold). */
    private static List<Instant> pending(long workOrder) throws Exception {
        return rows("SELECT DATE_FORMAT(due_at, '%Y-%m-%dT%H:%i:%s.%fZ') FROM deadline WHERE subject_type IN "
                + "('work_order', 'hold') AND subject_id = ? AND state = 'PENDING'", Long.toString(workOrder))
                .stream().map(Instant::parse).toList();
    }

    private static List<String> rows(String sql, String arg) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }
}
