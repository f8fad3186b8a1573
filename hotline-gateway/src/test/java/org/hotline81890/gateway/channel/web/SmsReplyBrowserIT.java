package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.testing.Eventually;
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
    private static final Duration WAIT = SmsDeskFixture.WAIT;
    private static final String RESIDENT = "8613755556666";
    private static final String REPLY = "师傅来了但是水管还在漏";
    @TempDir
    static Path dataDir;
    static SmsDeskFixture desk;
    static HotlineApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        desk = SmsDeskFixture.start(dataDir, "zhouyan", "1005");
        app = desk.app;
        browser = Browser.open(1366, 768);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void theAgentRecordsTheReplyAsUnsatisfiedFromTheInboxAndTheOrderIsReopened() {
        WorkOrder order = desk.completed(RESIDENT);
        desk.deliver(RESIDENT, REPLY);
        Eventually.waitFor("the reply held", WAIT, () -> !app.core().store().history(order.id()).stream()
                .filter(e -> e.details().contains(REPLY)).toList().isEmpty());

        browser.get("http://127.0.0.1:" + app.httpPort() + "/agent");
        browser.findElement(By.id("username")).sendKeys("zhouyan");
        browser.findElement(By.id("password")).sendKeys(SmsDeskFixture.password("zhouyan"));
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
}
