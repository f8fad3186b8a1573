package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.supervision.SupervisionNotice;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.wiring.SmsModule;
import org.hotline81890.gateway.wiring.SupervisorModule;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 督办 actions through the supervisor's pages (forms with the session's CSRF token) on real MariaDB: bad input
 * answers 4xx with the reason and changes nothing; cancel tells the resident; a 督办单 missed is counted against the
 * department; reopen dispatches again; a second 不满意 lands on the list.
 */
class SupervisionIT {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    @TempDir
    static Path dataDir;
    private static SupervisorFixture fx;
    private static WebClient sup;

    @BeforeAll
    static void start() {
        fx = new SupervisorFixture(dataDir);
        sup = fx.web.as(Role.SUPERVISOR);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static HttpResponse<String> act(WorkOrder w, String action, Map<String, String> form) {
        return sup.postWithCsrf("/supervisor/orders/" + w.ticket().value() + "/" + action, form);
    }

    private static int history(WorkOrder w) {
        return fx.web.app().core().store().history(w.id()).size();
    }

    @Test
    void badInputIsRefusedWithTheReasonAndChangesNothing() {
        WorkOrder w = fx.escalated("it:sup:bad");
        int events = history(w);
        assertThat(act(w, "reassign", Map.of("provider", "P-NOBODY")).statusCode()).isEqualTo(404);
        HttpResponse<String> notTheirs = act(w, "reassign", Map.of("provider", "DEP-W"));
        assertThat(notTheirs.statusCode()).isEqualTo(400);
        assertThat(notTheirs.body()).contains("不承接服务 HK-01");
        assertThat(act(w, "reassign", Map.of("provider", "")).statusCode()).isEqualTo(400);
        assertThat(act(w, "cancel", Map.of("reason", "  ")).body()).contains("请填写撤销理由");
        assertThat(act(w, "notice", Map.of("department", "P-HS", "due", LOCAL.format(Instant.now().plusSeconds(7200)),
                "text", "请加快")).statusCode()).as("督办单 only to departments").isEqualTo(400);
        assertThat(act(w, "notice", Map.of("department", "DEP-W", "due", "tomorrow", "text", "x")).statusCode())
                .isEqualTo(400);
        assertThat(act(w, "notice", Map.of("department", "DEP-W", "due", LOCAL.format(Instant.now()
                .minusSeconds(3600)), "text", "x")).statusCode()).as("due in the past").isEqualTo(400);
        HttpResponse<String> nobody = act(w, "redispatch", Map.of("exclude", "P-HS,P-JB"));
        assertThat(nobody.statusCode()).isEqualTo(409);
        assertThat(nobody.body()).contains("没有其他服务单位可以承接");
        assertThat(sup.postWithCsrf("/supervisor/extensions/999999/approve", Map.of()).statusCode()).isEqualTo(404);
        assertThat(sup.postWithCsrf("/supervisor/extensions/abc/approve", Map.of()).statusCode()).isEqualTo(400);
        assertThat(sup.postWithCsrf("/supervisor/orders/12/cancel", Map.of("reason", "x")).statusCode())
                .isEqualTo(400);

        assertThat(fx.state(w)).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(history(w)).as("no event written").isEqualTo(events);
        assertThat(fx.partners.offers().forWorkOrder(new WorkOrderRef(Long.toString(w.id().value()))))
                .as("no offer made").allMatch(o -> !o.state().isOpen());
        WebClient agent = fx.web.as(Role.AGENT);
        assertThat(agent.postWithCsrf("/supervisor/orders/" + w.ticket().value() + "/cancel",
                Map.of("reason", "x")).statusCode()).isEqualTo(403);
        assertThat(fx.state(w)).isEqualTo(WorkOrderState.ESCALATED);
    }

    @Test
    void backToDispatchSkipsTheExcludedAndCancelTellsTheResident() {
        WorkOrder w = fx.intake("it:sup:redispatch", "HK-01", "海曙区", "需要保洁");
        Eventually.waitFor("offered", SupervisorFixture.WAIT, () -> fx.state(w) == WorkOrderState.OFFERED);
        HttpResponse<String> again = act(w, "redispatch", Map.of());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(fx.state(w)).as("the only provider is the one that had it").isEqualTo(WorkOrderState.OFFERED);

        HttpResponse<String> cancelled = act(w, "cancel", Map.of("reason", "居民已自行解决"));
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(fx.state(w)).isEqualTo(WorkOrderState.CANCELLED);
        assertThat(fx.smsTo("13800007777")).anyMatch(t -> t.equals("【81890】您的工单" + w.ticket().grouped()
                + "已撤销，原因：居民已自行解决。如有疑问请致电81890。"));
        Offer withdrawn = fx.partners.offers().forWorkOrder(new WorkOrderRef(Long.toString(w.id().value())))
                .getLast();
        assertThat(withdrawn.state().isOpen()).isFalse();
        assertThat(fx.smsTo(SupervisorFixture.HS_PHONE)).anyMatch(t -> t.contains("已撤回"));
        assertThat(act(w, "cancel", Map.of("reason", "again")).statusCode()).isEqualTo(409);
    }

    @Test
    void aMissedNoticeCountsAgainstTheDepartment() {
        WorkOrder w = fx.intake("it:sup:notice", "UT-01", "海曙区", "自来水停水三天了");
        fx.acceptedTransfer(w);
        Instant due = Instant.now().plus(2, ChronoUnit.HOURS);
        HttpResponse<String> issued = act(w, "notice", Map.of("department", "DEP-W", "due", LOCAL.format(due),
                "text", "请于期限内恢复供水并回复"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(fx.smsTo(SupervisorFixture.DEPT_PHONE)).anyMatch(t -> t.startsWith("【81890】督办单：工单"
                + w.ticket().grouped()));
        SupervisorModule module = fx.web.app().module(SupervisorModule.class).orElseThrow();
        SupervisionNotice n = module.desk().orderPage(w.ticket()).map(v -> (java.util.List<?>) v.get("notices"))
                .map(l -> (SupervisionNotice) l.getFirst()).orElseThrow();
        module.supervision().onNoticeDue(n.id());
        assertThat(fx.web.app().core().store().history(w.id()).stream().map(WorkOrderEvent::details))
                .as("not due yet: the deadline settles it, not a call before").noneMatch(d -> d.contains("missed"));
        // The day passes: the notice's deadline (and its row in the deadline table) is brought forward, the
        // scheduler fires it.
        fx.web.db().database().transactions().inTransaction(c -> {
            String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC)
                    .format(Instant.now().plusMillis(300));
            try (var notice = c.prepareStatement("UPDATE supervision_notice SET due_at = ? WHERE id = ?");
                 var ps = c.prepareStatement("UPDATE deadline SET due_at = ? WHERE subject_type = "
                    + "'supervision-notice' AND subject_id = ?")) {
                notice.setString(1, now);
                notice.setLong(2, n.id());
                notice.executeUpdate();
                ps.setString(1, now);
                ps.setLong(2, n.id());
                return ps.executeUpdate();
            }
        });
        Eventually.waitFor("missed", SupervisorFixture.WAIT, () -> fx.web.app().core().store().history(w.id())
                .stream().anyMatch(e -> e.details().contains("missed by DEP-W")));
        assertThat(sup.get("/supervisor").body()).contains("海曙区水务服务中心");
    }

    @Test
    void aHeldReplyLeftUndecidedReachesTheListByItsOwnDeadlineWhateverItsOrdersState() {
        WorkOrder w = fx.intake("it:sup:held", "UT-01", "海曙区", "自来水停水三天了");
        // The resident's reply arrived a day ago (smpp.reply-hold.decide-within, 24 h): its own deadline row is due
        // now, and the running scheduler fires it (ADR 0053).
        String text = "师傅说明天来，到底几点？";
        SmsModule.heldReplies(fx.web.app().core()).hold("it:sup:held:sms", "13800007777", text,
                Instant.now().minus(24, ChronoUnit.HOURS).minusSeconds(1), w.id(), java.util.List.of())
                .orElseThrow();
        Eventually.waitFor("the reply on the 督办 list", SupervisorFixture.WAIT,
                () -> sup.get("/supervisor").body().contains(text));
        String page = sup.get("/supervisor").body();
        assertThat(page).contains("居民回复超时未处理", w.ticket().grouped());
        assertThat(fx.web.app().core().store().history(w.id())).anyMatch(e -> e.details().contains("居民回复超时未处理"));
    }

    @Test
    void aSecondUnsatisfiedLandsOnTheListAndReopenDispatchesAgain() {
        WorkOrder w = fx.intake("it:sup:twice", "HK-01", "海曙区", "家电清洗");
        for (int round = 1; round <= 2; round++) {
            Offer o = Eventually.waitForValue("offer " + round, SupervisorFixture.WAIT, () -> fx.partners.offers()
                    .forWorkOrder(new WorkOrderRef(Long.toString(w.id().value()))).stream()
                    .filter(x -> x.state().isOpen()).findFirst());
            fx.partners.flow().accept(o.provider(), o.id(), Channel.PARTNER);
            fx.partners.flow().complete(o.provider(), o.id(), "done", Channel.PARTNER);
            fx.web.app().core().survey().answer(Optional.of(w.ticket()), "13800007777", SurveyAnswer.UNSATISFIED,
                    Channel.SMS);
            if (round == 1) {
                // the only other provider (江北) does not cover 海曙区: the supervisor sends it there
                Eventually.waitFor("escalated: no one else", SupervisorFixture.WAIT,
                        () -> fx.state(w) == WorkOrderState.ESCALATED);
                assertThat(act(w, "reassign", Map.of("provider", "P-JB")).statusCode()).isEqualTo(200);
            }
        }
        assertThat(fx.state(w)).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(sup.get("/supervisor").body()).contains(w.ticket().grouped(), "二次不满意");
        HttpResponse<String> reopened = act(w, "reopen", Map.of("reason", "换人再办"));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(fx.web.app().core().store().history(w.id()).stream().map(WorkOrderEvent::details))
                .anyMatch(d -> d.startsWith("reopened by supervisor it-supervisor (督办重办): 换人再办"));
        Eventually.waitFor("dispatched again, and nobody is left", SupervisorFixture.WAIT,
                () -> fx.state(w) == WorkOrderState.ESCALATED);
        assertThat(fx.partners.offers().forWorkOrder(new WorkOrderRef(Long.toString(w.id().value()))))
                .filteredOn(o -> o.provider().equals(ProviderId.of("P-HS"))).hasSize(1);
    }
}
