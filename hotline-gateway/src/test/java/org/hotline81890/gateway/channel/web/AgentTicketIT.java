package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline81890.gateway.matching.Correction;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's ticket form over HTTP on the real database: search, suggestions, dispatch, and bad input. */
class AgentTicketIT {
    @TempDir
    static Path dataDir;
    private static WebTestApp web;

    @BeforeAll
    static void start() {
        web = WebTestApp.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static WorkOrder call(String key) {
        IntakeResult r = web.app().core().intake().receive(IntakeRequest.of(key, Channel.PHONE, "13700007777", ""));
        return ((IntakeResult.Accepted) r).workOrder();
    }

    private static WorkOrder reread(WorkOrder w) {
        return web.app().core().store().find(w.id()).orElseThrow();
    }

    private static Map<String, String> form(String service, String matcherFirst) {
        Map<String, String> f = new HashMap<>(Map.of("text", "厨房水管爆了在漏水", "requestType", "help",
                "serviceCode", service, "matcherFirst", matcherFirst, "priority", "urgent", "district", "海曙区",
                "street", "鼓楼街道", "community", "中山社区", "grid", "第一网格", "action", "dispatch"));
        f.put("address", "中山西路1号");
        return f;
    }

    @Test
    void servicesAreFoundByPinyinInitialsAndTheMatcherSuggestsFromTheWords() {
        WebClient agent = web.as(Role.AGENT);
        HttpResponse<String> found = agent.get("/agent/services?q=sgwx");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("RP-01", "水管维修");
        HttpResponse<String> service = agent.get("/agent/services/RP-01");
        assertThat(service.body()).contains("name=\"serviceCode\"", "value=\"RP-01\"", "请问详细地址");
        assertThat(agent.get("/agent/services/ZZ-99").statusCode()).isEqualTo(404);
        HttpResponse<String> top = agent.postWithCsrf("/agent/match", Map.of("text", "厨房水管爆了在漏水"));
        assertThat(top.statusCode()).isEqualTo(200);
        assertThat(top.body()).contains("id=\"matcher-first\"", "suggest-0");
    }

    @Test
    void dispatchingFromTheFormMatchesTheOrderAndRecordsTheAgentsCorrection() {
        WorkOrder w = call("phone:ticket-it-1");
        HttpResponse<String> r = web.as(Role.AGENT).postWithCsrf("/agent/orders/" + w.ticket().value() + "/ticket",
                form("RP-01", "RE-05"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("已派单", w.ticket().grouped(), "RE-05 → RP-01");
        WorkOrder after = reread(w);
        assertThat(after.state()).isIn(WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ESCALATED);
        assertThat(after.serviceCode()).contains("RP-01");
        assertThat(after.text()).isEqualTo("厨房水管爆了在漏水");
        assertThat(after.area().community()).contains("中山社区");
        assertThat(web.app().core().corrections().pending(50)).extracting(Correction::ticket)
                .contains(java.util.Optional.of(w.ticket().value()));
    }

    @Test
    void transferringToTheChosenDepartmentOffersTheOrderToThatDepartment() {
        WebClient agent = web.as(Role.AGENT);
        assertThat(agent.get("/agent/services/MC-04").body()).contains("ticket-department", "DEP-ECOENV",
                "DEP-POLICE", "DEP-CITYMGMT").doesNotContain("DEP-WATER");
        WorkOrder w = call("phone:ticket-it-transfer");
        String path = "/agent/orders/" + w.ticket().value() + "/ticket";
        Map<String, String> f = form("MC-04", "NONE");
        f.put("text", "楼下广场舞音响每天开到晚上十点");
        f.put("requestType", "complaint");
        f.put("action", "transfer");
        HttpResponse<String> none = agent.postWithCsrf(path, f);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("请选择转办部门");
        f.put("department", "DEP-WATER");
        HttpResponse<String> wrong = agent.postWithCsrf(path, f);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("不承办服务 MC-04");
        assertThat(reread(w)).isEqualTo(w);

        // Two departments for two alike orders: whatever the policy would pick, each goes where the agent chose.
        WorkOrder other = call("phone:ticket-it-transfer-2");
        for (Map.Entry<WorkOrder, String> pick : Map.of(w, "DEP-ECOENV", other, "DEP-POLICE").entrySet()) {
            WorkOrder order = pick.getKey();
            f.put("department", pick.getValue());
            HttpResponse<String> done = agent.postWithCsrf("/agent/orders/" + order.ticket().value() + "/ticket", f);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(done.body()).contains("已转办", order.ticket().grouped());
            assertThat(web.app().core().store().history(order.id())).anySatisfy(e -> assertThat(e.details())
                    .contains("transferred (转办) to " + pick.getValue()));
            Eventually.waitFor("the offer to " + pick.getValue(), Duration.ofSeconds(20),
                    () -> reread(order).state() == WorkOrderState.OFFERED);
            assertThat(offeredTo(order)).containsExactly(pick.getValue());
        }
    }

    private static List<String> offeredTo(WorkOrder w) {
        try (Connection c = web.db().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT provider_id FROM offer WHERE work_order = ?")) {
            ps.setString(1, Long.toString(w.id().value()));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badInputIsAClear4xxAndChangesNothing() {
        WorkOrder w = call("phone:ticket-it-2");
        String path = "/agent/orders/" + w.ticket().value() + "/ticket";
        WebClient agent = web.as(Role.AGENT);

        HttpResponse<String> unknown = agent.postWithCsrf(path, form("ZZ-99", "NONE"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("没有服务 ZZ-99");
        Map<String, String> badType = form("RP-01", "NONE");
        badType.put("requestType", "gossip");
        assertThat(agent.postWithCsrf(path, badType).statusCode()).isEqualTo(400);
        Map<String, String> badArea = form("RP-01", "NONE");
        badArea.put("community", "天一社区");
        assertThat(agent.postWithCsrf(path, badArea).body()).contains("区域不在目录中");
        Map<String, String> forged = form("RP-01", "NONE");
        forged.put("_csrf", "forged-token");
        assertThat(agent.post(path, forged).statusCode()).isEqualTo(403);
        assertThat(web.as(Role.SUPERVISOR).postWithCsrf(path, form("RP-01", "NONE")).statusCode())
                .isIn(403, 404);
        assertThat(web.as(Role.PARTNER).postWithCsrf(path, form("RP-01", "NONE")).statusCode()).isIn(403, 404);
        TicketNumber nobody = TicketNumber.random(new java.util.Random(7));
        assertThat(web.app().core().store().findByTicket(nobody)).isEmpty();
        assertThat(agent.postWithCsrf("/agent/orders/" + nobody.value() + "/ticket", form("RP-01", "NONE"))
                .statusCode()).isEqualTo(404);
        assertThat(agent.postWithCsrf("/agent/orders/12/ticket", form("RP-01", "NONE")).statusCode())
                .isEqualTo(400);

        assertThat(reread(w)).isEqualTo(w);
        assertThat(web.app().core().store().history(w.id())).hasSize(1);
    }

    @Test
    void anOrderAlreadyAnsweredIsAConflictAndStaysAnswered() {
        WorkOrder w = call("phone:ticket-it-3");
        String path = "/agent/orders/" + w.ticket().value() + "/ticket";
        Map<String, String> answer = form("CA-01", "CA-01");
        answer.put("requestType", "consultation");
        answer.put("action", "answer");
        WebClient agent = web.as(Role.AGENT);
        assertThat(agent.postWithCsrf(path, answer).statusCode()).isEqualTo(200);
        WorkOrder answered = reread(w);
        assertThat(answered.state()).isEqualTo(WorkOrderState.ANSWERED);

        HttpResponse<String> again = agent.postWithCsrf(path, form("RP-01", "NONE"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("已直接答复");
        assertThat(reread(w)).isEqualTo(answered);
    }
}
