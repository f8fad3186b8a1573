package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.callback.CallbackReason;
import org.hotline81890.gateway.channel.agi.VoiceTestApp;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.simulators.RingAgent;
import org.hotline81890.simulators.ami.AmiMessage;
import org.hotline81890.simulators.ami.ChannelSnapshot;
import org.hotline81890.simulators.ami.QueueEvents;
import org.hotline81890.simulators.ami.QueueMemberState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent desk in headless Chromium against the Asterisk simulator: sign in and go ready (the simulated app_queue
 * sees QueueAdd and QueuePause Paused: false), a simulated call runs the FastAGI intake and rings the agent, and the
 * screen pop shows that caller's number, the intake's ticket and their earlier request, live over SSE; F3 pauses
 * with the chosen reason.
 */
class AgentDeskBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        voice = VoiceTestApp.start(dataDir, Map.of());
        Eventually.waitFor("AMI login", WAIT, () -> voice.voice().ami().orElseThrow().isConnected());
        WebTestApp.person(voice.db(), "wangfang", Role.AGENT, "王芳", Optional.of("1001"));
        WebTestApp.person(voice.db(), "lihua", Role.AGENT, "李华", Optional.of("1002"));
        browser = Browser.open(1366, 768);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        voice.close();
    }

    private static Optional<QueueMemberState> member() {
        return voice.ami().queue("hotline").flatMap(q -> q.findMember("PJSIP/1001"));
    }

    private static void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private static void waitForOutcome(String text) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("call-outcome")).getText().contains(text));
    }

    private static void waitForState(String label) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("state-label")).getText().equals(label));
    }

    @Test
    void theAgentGoesReadyAndTheRingingCallPopsWithTheCallersHistory() {
        String base = "http://127.0.0.1:" + voice.app().httpPort();
        RingAgent ringer = new RingAgent(voice.ami(), "hotline");
        int agiPort = voice.voice().agiPort();
        RingAgent.Rang earlier = ringer.ring("127.0.0.1", agiPort, "1999", "13700007777");
        assertThat(earlier.intakeFailure()).isEmpty();

        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("wangfang");
        browser.findElement(By.id("password")).sendKeys("wangfang-password");
        click("login-submit");
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/agent"));

        click("btn-signin");
        waitForState("示忙");
        Eventually.waitFor("QueueAdd paused", WAIT, () -> member().map(QueueMemberState::paused).orElse(false));
        click("btn-ready");
        waitForState("就绪");
        Eventually.waitFor("QueuePause Paused: false", WAIT,
                () -> member().map(m -> !m.paused()).orElse(false));

        RingAgent.Rang rang = ringer.ring("127.0.0.1", agiPort, "1001", "13700007777");
        assertThat(rang.intakeFailure()).isEmpty();
        WorkOrder order = voice.app().core().store().findByIdempotencyKey("phone:" + rang.uniqueId()).orElseThrow();
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("pop-caller")).isEmpty());
        assertThat(browser.findElement(By.id("pop-caller")).getText()).isEqualTo("13700007777");
        assertThat(browser.findElement(By.id("pop-ticket")).getText()).isEqualTo(order.ticket().grouped());
        assertThat(browser.findElement(By.id("pop-history")).getText()).contains(
                voice.app().core().store().findByIdempotencyKey("phone:" + earlier.uniqueId()).orElseThrow()
                        .ticket().grouped());
        assertThat(browser.findElement(By.id("pop-history")).getText()).doesNotContain("Z").contains("月");
        Browser.screenshot(browser, "agent-desk-pop");

        browser.findElement(By.id("ticket-text")).sendKeys("厨房水管爆了，一直在漏水");
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("suggest-0")).isEmpty());
        browser.findElement(By.id("service-search")).sendKeys("sgwx");
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("result-RP-01")).isEmpty());
        click("result-RP-01");
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("chosen-name")).getText().contains("水管维修"));
        click("type-help");
        new Select(browser.findElement(By.id("area-district"))).selectByVisibleText("海曙区");
        new Select(browser.findElement(By.id("area-street"))).selectByVisibleText("鼓楼街道");
        new Select(browser.findElement(By.id("area-community"))).selectByVisibleText("中山社区");
        new Select(browser.findElement(By.id("area-grid"))).selectByVisibleText("第二网格");
        browser.findElement(By.id("ticket-address")).sendKeys("中山西路8号");
        Browser.screenshot(browser, "agent-desk-ticket");
        click("btn-dispatch");
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("outcome-ok")).isEmpty());
        assertThat(browser.findElement(By.id("outcome-ok")).getText()).contains("已派单", order.ticket().grouped());
        WorkOrder dispatched = voice.app().core().store().find(order.id()).orElseThrow();
        assertThat(dispatched.serviceCode()).contains("RP-01");
        assertThat(dispatched.area().grid()).contains("第二网格");
        assertThat(dispatched.text()).isEqualTo("厨房水管爆了，一直在漏水");

        // The call is answered and ends: 通话中, then 话后整理 with the queue member paused for it.
        ChannelSnapshot from = ChannelSnapshot.fresh("PJSIP/trunk-it", 6, "hotline-in", "81890", rang.uniqueId(),
                rang.uniqueId()).withCallerId("13700007777", "13700007777");
        ChannelSnapshot to = ChannelSnapshot.fresh("PJSIP/1001-it", 6, "hotline-agents", "1001",
                rang.uniqueId() + "1", rang.uniqueId());
        voice.ami().publish(QueueEvents.agentConnect(from, to, "hotline", "PJSIP/1001", "1001", 2, 3));
        waitForState("通话中");

        // Call controls through AMI, on this agent's call only: another agent's try is 403 and reaches nothing.
        WebClient other = new WebClient(voice.app().httpPort()).loggedIn("lihua", "lihua-password");
        assertThat(other.postWithCsrf("/agent/calls/" + rang.uniqueId() + "/hangup", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(voice.ami().agentCallActions()).isEmpty();
        click("dtmf-1");
        waitForOutcome("已发送按键");
        browser.findElement(By.id("call-target")).sendKeys("1201");
        click("btn-attended");
        waitForOutcome("咨询转接");
        click("btn-three-way");
        waitForOutcome("三方通话");
        assertThat(voice.ami().agentCallActions()).extracting(m -> m.get("Action").orElseThrow() + " "
                + m.get("Channel").orElseThrow()).containsExactly("PlayDTMF PJSIP/trunk-it", "Atxfer PJSIP/1001-it",
                "Redirect PJSIP/trunk-it");
        assertThat(voice.ami().agentCallActions().get(2).get("ExtraChannel")).contains("PJSIP/1001-it");
        assertThat(voice.ami().originates()).anySatisfy(o -> assertThat(o.get("Channel"))
                .contains("Local/1201@agents"));
        Browser.screenshot(browser, "agent-desk-call");

        // F4 hangs up; app_queue's AgentComplete puts the agent in 话后整理.
        new Actions(browser).sendKeys(Keys.F4).perform();
        waitForState("话后整理");
        assertThat(voice.ami().agentCallActions().getLast().get("Action")).contains("Hangup");
        Eventually.waitFor("QueuePause for wrap-up", WAIT, () -> member()
                .map(m -> m.paused() && m.pausedReason().equals("话后整理")).orElse(false));
        assertThat(browser.findElement(By.id("state-countdown")).getText()).contains("剩余");
        new Actions(browser).sendKeys(Keys.F2).perform();
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("statebar")).getText().contains("请先选择话后整理代码"));
        assertThat(member().map(QueueMemberState::paused)).contains(true);
        Browser.screenshot(browser, "agent-desk-wrapup");
        new Select(browser.findElement(By.id("wrapup-code"))).selectByVisibleText("已派单");
        click("btn-wrapup");
        waitForState("就绪");
        Eventually.waitFor("ready after the wrap-up code", WAIT, () -> member().map(m -> !m.paused())
                .orElse(false));

        // A call rings and nobody answers: the agent is paused (ring-no-answer), with the reason.
        RingAgent.Rang unanswered = ringer.ring("127.0.0.1", agiPort, "1001", "13900001234");
        voice.ami().publish(AmiMessage.builder().add("Event", "AgentRingNoAnswer").add("Privilege", "agent,all")
                .addAll(ChannelSnapshot.fresh("PJSIP/trunk-it2", 6, "hotline-in", "81890", unanswered.uniqueId(),
                        unanswered.uniqueId()).withCallerId("13900001234", "13900001234").headers())
                .add("Queue", "hotline").add("Interface", "PJSIP/1001").add("MemberName", "1001")
                .add("RingTime", 15).build());
        waitForState("示忙");
        assertThat(browser.findElement(By.id("state-reason")).getText()).isEqualTo("未接来电");
        Eventually.waitFor("QueuePause for ring-no-answer", WAIT, () -> member()
                .map(m -> m.paused() && m.pausedReason().equals("未接来电")).orElse(false));

        new Actions(browser).sendKeys(Keys.F3).perform();
        waitForState("示忙");
        Eventually.waitFor("QueuePause with reason", WAIT, () -> member()
                .map(m -> m.paused() && m.pausedReason().equals("小休")).orElse(false));

        // The callback list: one click rings the agent's phone (an Originate through the outbox), then the resident.
        long item = voice.voice().callbacks().request("phone:cb-it", "13600006666", CallbackReason.QUEUE_TIMEOUT)
                .id();
        click("callbacks-refresh");
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("callback-" + item)).isEmpty());
        click("callback-" + item);
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("callback-message")).getText().contains("正在回拨 13600006666"));
        Eventually.waitFor("the callback's originate", WAIT, () -> voice.ami().originates().stream()
                .anyMatch(o -> o.get("Channel").orElse("").equals("PJSIP/1001")));
        assertThat(voice.voice().callbacks().open(10)).noneMatch(c -> c.id() == item);
        assertThat(Browser.console(browser)).noneMatch(line -> line.contains("Content Security Policy"));
    }
}
