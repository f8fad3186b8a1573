package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.channel.agi.VoiceTestApp;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.Passwords;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.storage.mysql.MySqlPersonStore;
import org.hotline81890.gateway.storage.mysql.MySqlSessionStore;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.simulators.RingAgent;
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
        People people = new People(new MySqlPersonStore(voice.db().database().transactions()),
                new MySqlSessionStore(voice.db().database().transactions()), new Passwords(), Clock.systemUTC());
        people.add(new NewPerson("wangfang", Role.AGENT, "王芳", Optional.empty(), Optional.of("1001")),
                "wangfang-password");
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

        new Actions(browser).sendKeys(Keys.F3).perform();
        waitForState("示忙");
        Eventually.waitFor("QueuePause with reason", WAIT, () -> member()
                .map(m -> m.paused() && m.pausedReason().equals("小休")).orElse(false));
        assertThat(Browser.console(browser)).noneMatch(line -> line.contains("Content Security Policy"));
    }
}
