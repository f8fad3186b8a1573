package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.JobCommands;
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
import org.hotline81890.partners.offer.OfferState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Department transfers (转办) end to end on real MariaDB through the partner API: a transfer whose extension
 * request a supervisor approves (the handling deadline and its database deadline move) and is completed in time;
 * and a transfer that misses its deadline, is escalated (督办), stays with the department, and is counted against
 * it in the scorecard and the KPIs.
 * The missed one's handling deadline (24 h for utilities) is brought forward in the database to a second from now,
 * as if the day had passed.
 */
class TransferIT {
    private static final String TOKEN = "it-token-transfer-0123";
    private static final String DEPT = "DEP-W";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static PartnerModule partners;
    private static final String KEY = ApiKeys.random();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> env = TestEnv.base(db, dataDir, TOKEN);
        env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms",
                "HOTLINE_PARTNERS_MAX_EXTENSION", "2d", "HOTLINE_PARTNERS_MAX_EXTENSIONS", "1",
                "HOTLINE_OUTBOX_POLL_INTERVAL", "50ms", "HOTLINE_SCHEDULER_POLL_INTERVAL", "50ms"));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, List.of(
                core -> partners = new PartnerModule(core)));
        partners.saveProviders(List.of(new Provider(ProviderId.of(DEPT), ProviderKind.DEPARTMENT, "海曙区水务服务中心",
                Set.of(ServiceCode.of("UT-01")), Coverage.of("海曙区"), OpeningHours.of("24h"), new Capacity(500),
                new ContactChannels(Optional.empty(), Optional.of(PhoneNumber.of("19905740001")), Optional.empty()),
                ProviderStatus.ACTIVE, new Rating(4.0))));
        partners.registerKey(ProviderId.of(DEPT), KEY);
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    @Test
    void anExtendedTransferShouldFinishInTimeAndAMissedOneEscalateAndCountAgainstTheDepartment() throws Exception {
        // 1. transfer -> extension granted (deadline moves in the database) -> completed in time
        WorkOrder w1 = intake("it:transfer:1");
        Offer t1 = transferOf(w1);
        assertThat(post(t1, "accept", "").statusCode()).isEqualTo(200);
        Instant handleBy = t1.handleBy().orElseThrow();
        assertThat(handleBy).as("utilities: 24 h, the work order's complete-by promise (one source)")
                .isEqualTo(app.core().store().find(w1.id()).orElseThrow().deadlines().completeBy().orElseThrow());
        assertThat(Duration.between(t1.offeredAt(), handleBy)).isBetween(Duration.ofHours(24).minusSeconds(10),
                Duration.ofHours(24));
        assertThat(error(post(t1, "extension", "{\"hours\":72,\"reason\":\"换管\"}"), 422))
                .isEqualTo("extension_refused");
        assertThat(error(post(t1, "extension", "{\"hours\":24}"), 422)).as("no reason").isEqualTo("extension_refused");
        HttpResponse<String> asked = post(t1, "extension", "{\"hours\":24,\"reason\":\"需更换主管道\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(new JsonObject(asked.body()).getString("result")).isEqualTo("pending");
        assertThat(partners.offers().find(t1.id()).orElseThrow().handleBy()).as("not before a supervisor approves")
                .contains(handleBy);
        ExtensionRequest request = partners.extensionRequests().pendingFor(t1.id()).orElseThrow();
        assertThat(request.extra()).isEqualTo(Duration.ofHours(24));
        assertThat(partners.reassignment().approveExtension(request.id(), "it-supervisor"))
                .isInstanceOf(SupervisorOutcome.Done.class);
        assertThat(partners.reassignment().approveExtension(request.id(), "it-supervisor")).as("decided once")
                .isInstanceOf(SupervisorOutcome.Conflict.class);
        assertThat(app.core().store().history(w1.id()).stream().map(WorkOrderEvent::details))
                .anyMatch(d -> d.startsWith("extension requested (延期申请) by " + DEPT))
                .anyMatch(d -> d.startsWith("extension approved by supervisor it-supervisor"));
        Offer extended = partners.offers().find(t1.id()).orElseThrow();
        assertThat(extended.handleBy()).contains(handleBy.plus(Duration.ofHours(24)));
        assertThat(extended.extensions()).isEqualTo(1);
        assertThat(pendingHandleBy(t1)).contains(handleBy.plus(Duration.ofHours(24)));
        assertThat(error(post(t1, "extension", "{\"hours\":1,\"reason\":\"再延\"}"), 422))
                .as("one extension per transfer").isEqualTo("extension_refused");
        assertThat(post(t1, "complete", "{\"note\":\"已修复\"}").statusCode()).isEqualTo(200);
        assertThat(state(w1)).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(partners.offers().find(t1.id()).orElseThrow().overdue()).isFalse();

        // 2. transfer -> deadline missed -> escalated (督办) + counted against the department
        WorkOrder w2 = intake("it:transfer:2");
        Offer t2 = transferOf(w2);
        assertThat(post(t2, "accept", "").statusCode()).isEqualTo(200);
        Instant soon = Instant.now().plusSeconds(1);
        moveHandlingDeadline(t2, soon);
        Eventually.waitFor("escalated after the missed deadline", WAIT, () -> state(w2) == WorkOrderState.ESCALATED);
        WorkOrderEvent escalation = app.core().store().history(w2.id()).getLast();
        assertThat(escalation.details()).startsWith("escalated (督办)").contains(DEPT)
                .contains("did not complete the transfer");
        Offer missed = partners.offers().find(t2.id()).orElseThrow();
        assertThat(missed.overdue()).isTrue();
        assertThat(missed.state()).as("督办 presses the department; the job is not taken away")
                .isEqualTo(OfferState.ACCEPTED);
        assertThat(error(post(t2, "extension", "{\"hours\":24,\"reason\":\"太晚了\"}"), 422))
                .isEqualTo("extension_refused");
        assertThat(post(t2, "complete", "{\"note\":\"迟办结\"}").statusCode()).isEqualTo(200);
        assertThat(state(w2)).isEqualTo(WorkOrderState.COMPLETED);

        JsonObject card = admin("/api/admin/providers/" + DEPT + "/scorecard");
        assertThat(card.getInteger("overdue")).as(card.encode()).isEqualTo(1);
        assertThat(card.getJsonObject("completion").getInteger("count")).isEqualTo(2);
        JsonArray byProvider = admin("/api/admin/kpis").getJsonArray("byProvider");
        assertThat(byProvider.getJsonObject(0).getString("group")).isEqualTo(DEPT);
        assertThat(byProvider.getJsonObject(0).getInteger("overdue")).isEqualTo(1);

        // 3. the department works by SMS from its registered number: 接单, then 延期 with hours and a reason
        WorkOrder w3 = intake("it:transfer:3");
        Offer t3 = transferOf(w3);
        String dept = "19905740001";
        JobCommands sms = partners.jobCommands();
        assertThat(sms.accept(dept, w3.ticket())).isInstanceOf(JobCommands.Result.Done.class);
        JobCommands.Result pending = sms.extend(dept, w3.ticket(), Duration.ofHours(24), "等待材料");
        Instant moved = t3.handleBy().orElseThrow().plus(Duration.ofHours(24));
        assertThat(pending).isInstanceOfSatisfying(JobCommands.Result.Done.class, d -> assertThat(d.replyZh())
                .contains("延期申请已提交").contains(org.hotline81890.gateway.workorder.Wording.time(
                        t3.handleBy().orElseThrow())));
        assertThat(partners.reassignment().approveExtension(partners.extensionRequests().pendingFor(t3.id())
                .orElseThrow().id(), "it-supervisor")).isInstanceOf(SupervisorOutcome.Done.class);
        assertThat(partners.offers().find(t3.id()).orElseThrow().handleBy()).contains(moved);
        assertThat(pendingHandleBy(t3)).contains(moved);
        Offer extendedBySms = partners.offers().find(t3.id()).orElseThrow();
        org.hotline81890.partners.offer.ReminderSchedule schedule = new org.hotline81890.partners.offer
                .ReminderSchedule(app.core().config().partners().reminderAt());
        Instant reminder = schedule.handlingReminderAt(extendedBySms).orElseThrow();
        assertThat(reminder).isAfter(schedule.handlingReminderAt(t3).orElseThrow());
        List<Instant> reminders = pending(t3, OfferNotices.REMIND);
        assertThat(reminders).as("an SMS 延期, once approved, re-arms the reminder as the page's does: for the new "
                + "deadline").contains(reminder.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(schedule.handlingReminderDue(extendedBySms, reminders.getFirst())).as("the first deadline's "
                + "reminder, still armed, finds nothing due when it fires").isEmpty();
        assertThat(sms.extend(dept, w3.ticket(), Duration.ofHours(1), "再延")).as("one extension per transfer")
                .isInstanceOfSatisfying(JobCommands.Result.Refused.class,
                        r -> assertThat(r.replyZh()).startsWith("【81890】延期申请未获批准"));
        assertThat(sms.extend("13800006666", w3.ticket(), Duration.ofHours(1), "x")).as("not a provider number")
                .isInstanceOf(JobCommands.Result.Refused.class);
    }

    private static WorkOrder intake(String key) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街3号"));
        IntakeResult r = app.core().intake().receive(new IntakeRequest(key, Channel.WEB, "13800006666",
                "家里自来水管爆了", Optional.empty(), Optional.of("UT-01"), Optional.empty(), area, "it", x -> List.of()));
        app.wakeRelay();
        return ((IntakeResult.Accepted) r).workOrder();
    }

    private static Offer transferOf(WorkOrder w) {
        Eventually.waitFor("transferred", WAIT, () -> state(w) == WorkOrderState.OFFERED);
        Offer t = partners.offers().forWorkOrder(JobFacts.ref(w)).getFirst();
        assertThat(t.kind()).isEqualTo(OfferKind.TRANSFER);
        assertThat(t.provider()).isEqualTo(ProviderId.of(DEPT));
        return t;
    }

    /** The day passes: the transfer's handling deadline (and its deadline row) are now {@code at}. */
    private static void moveHandlingDeadline(Offer t, Instant at) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement ps = c.prepareStatement("UPDATE offer SET handle_by=? WHERE id=?")) {
            ps.setString(1, SQL_TIME.format(at));
            ps.setString(2, t.id().value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        app.core().deadlines().arm(DispatchOutcomes.TRANSFER, OfferIds.subjectId(t.id()), DispatchOutcomes.HANDLE_BY,
                at);
    }

    private static List<Instant> pendingHandleBy(Offer t) throws Exception {
        return pending(t, "HANDLE_BY");
    }

    private static List<Instant> pending(Offer t, String kind) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement ps = c.prepareStatement("SELECT DATE_FORMAT(due_at, '%Y-%m-%dT%H:%i:%s.%fZ') "
                     + "FROM deadline WHERE subject_type='transfer' AND subject_id=? AND kind=? "
                     + "AND state='PENDING' ORDER BY due_at")) {
            ps.setLong(1, OfferIds.subjectId(t.id()));
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                List<Instant> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(Instant.parse(rs.getString(1)));
                }
                return out;
            }
        }
    }

    private static WorkOrderState state(WorkOrder w) {
        return app.core().store().find(w.id()).orElseThrow().state();
    }

    private static HttpResponse<String> post(Offer offer, String action, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/partner/offers/" + offer.id().value() + "/" + action))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject admin(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static String error(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return new JsonObject(r.body()).getString("error");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }
}
