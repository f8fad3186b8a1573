package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.channel.smpp.SmscProcess;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.Passwords;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.storage.mysql.MySqlPersonStore;
import org.hotline81890.gateway.storage.mysql.MySqlSessionStore;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A resident's reply in words, sent through the node SMSC after their order was completed, in headless Chromium at
 * desk size (ADR 0024): it waits in the SMS inbox linked to the order, the agent opens it, reads the text and the
 * order it answers, and clicks 不满意; the order is reopened and the item leaves the inbox at once.
 */
class SmsReplyBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RESIDENT = "8613755556666";
    private static final String REPLY = "师傅来了但是水管还在漏";
    @TempDir
    static Path dataDir;
    static TestDatabase db;
    static SmscProcess smsc;
    static HotlineApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        smsc = SmscProcess.start("--system-id", "hotline", "--password", "secret");
        Map<String, String> env = TestEnv.base(db, dataDir, "it-token-sms-reply-browser-0123456789");
        env.putAll(Map.of("HOTLINE_SMPP_ENABLED", "true", "HOTLINE_SMPP_PORT", String.valueOf(smsc.port()),
                "HOTLINE_SMPP_PASSWORD", "secret", "HOTLINE_PARTNERS_ENABLED", "false",
                "HOTLINE_OUTBOX_POLL_INTERVAL", "20ms"));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out);
        smsc.await(e -> "bind".equals(e.getString("event")) && e.getBoolean("ok"), WAIT);
        new People(new MySqlPersonStore(db.database().transactions()),
                new MySqlSessionStore(db.database().transactions()), new Passwords(), Clock.systemUTC())
                .add(new NewPerson("zhouyan", Role.AGENT, "周燕", Optional.empty(), Optional.of("1005")),
                        "zhouyan-password");
        browser = Browser.open(1366, 768);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theAgentRecordsTheReplyAsUnsatisfiedFromTheInboxAndTheOrderIsReopened() {
        WorkOrder order = completed();
        smsc.request(new JsonObject().put("cmd", "deliver").put("text", REPLY).put("coding", "ucs2")
                .put("source", RESIDENT), "queued", WAIT);
        Eventually.waitFor("the reply held", WAIT, () -> !app.core().store().history(order.id()).stream()
                .filter(e -> e.details().contains(REPLY)).toList().isEmpty());

        browser.get("http://127.0.0.1:" + app.httpPort() + "/agent");
        browser.findElement(By.id("username")).sendKeys("zhouyan");
        browser.findElement(By.id("password")).sendKeys("zhouyan-password");
        browser.findElement(By.id("login-submit")).click();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> !d.findElements(By.cssSelector("#reply-list button")).isEmpty());
        assertThat(browser.findElement(By.id("reply-list")).getText()).contains(order.ticket().grouped())
                .doesNotContain(RESIDENT);
        browser.findElement(By.cssSelector("#reply-list button")).click();

        wait.until(d -> d.findElement(By.id("reply-caller")).getText().equals(RESIDENT));
        assertThat(browser.findElement(By.id("reply-body")).getText()).isEqualTo(REPLY);
        assertThat(browser.findElement(By.id("reply-ticket")).getText()).isEqualTo(order.ticket().grouped());
        assertThat(browser.findElement(By.id("reply-order-state")).getText()).contains("已办结");
        Browser.screenshot(browser, "agent-desk-sms-reply");
        browser.findElement(By.id("btn-reply-3")).click();

        wait.until(d -> d.findElement(By.id("reply-outcome")).getText().contains("已记为回访答复"));
        // The decided reply leaves the inbox at once (HX-Trigger order-handled), not at the next poll.
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElements(By.id("reply-list")).isEmpty());
        assertThat(app.core().store().find(order.id()).orElseThrow().state()).isEqualTo(WorkOrderState.REOPENED);
        assertThat(app.core().store().listByCaller(RESIDENT, 10)).hasSize(1);
        assertThat(Browser.console(browser)).noneMatch(l -> l.contains("Content Security Policy"));
    }

    private static WorkOrder completed() {
        WorkOrder w = ((IntakeResult.Accepted) app.core().intake().receive(IntakeRequest.of(
                "it-browser-" + UUID.randomUUID(), Channel.SMS, RESIDENT, "楼道里的水管爆了，一直在漏水")
                .withHints(Optional.empty(), Optional.of("RP-01"), Optional.empty()))).workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            app.core().tracker().move(w.id(), s, "it", Channel.SYSTEM, "it: " + s, x -> List.of());
        }
        return app.core().store().find(w.id()).orElseThrow();
    }
}
