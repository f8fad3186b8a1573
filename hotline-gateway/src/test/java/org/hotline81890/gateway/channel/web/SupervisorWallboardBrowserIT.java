package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.simulators.ami.AmiServerConfig;
import org.hotline81890.simulators.ami.AmiServerSimulator;
import org.hotline81890.simulators.ami.ChannelSnapshot;
import org.hotline81890.simulators.ami.QueueEvents;
import org.hotline81890.simulators.ami.QueueMemberState;
import org.hotline81890.simulators.ami.QueueState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wallboard at wallboard size (1920x1080) against the Asterisk simulator: while the simulated app_queue holds a
 * caller the board shows one call waiting (and a paused agent with its reason), pushed over SSE without a reload;
 * when the caller leaves, the board goes back to none.
 */
class SupervisorWallboardBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static AmiServerSimulator ami;
    private static HotlineApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        ami = new AmiServerSimulator(AmiServerConfig.defaults()).start();
        Map<String, String> env = TestEnv.base(db, dataDir, "wallboard-it-token-0123");
        env.putAll(Map.of("HOTLINE_AMI_ENABLED", "true", "HOTLINE_AMI_PORT", Integer.toString(ami.port()),
                "HOTLINE_AMI_USERNAME", "hotline", "HOTLINE_AMI_PASSWORD", "hotline-secret",
                "HOTLINE_AMI_RECONNECT_INITIAL", "50ms", "HOTLINE_AMI_RECONNECT_MAX", "500ms"));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out);
        WebTestApp.person(db, "banzhang", Role.SUPERVISOR, "李班长", Optional.empty());
        WebTestApp.person(db, "zhaozhang", Role.SUPERVISOR, "赵班长", Optional.of("1009"));
        browser = Browser.open(1920, 1080);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
        ami.close();
        db.close();
    }

    private static String text(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(1)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(id)).getText());
    }

    /** An SMS outbox row already sent (DONE), written {@code at}. */
    private static void outboxSms(String dedupeKey, Instant at) {
        db.database().transactions().inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO outbox (kind, destination, payload, dedupe_key, state, "
                    + "next_attempt_at, created_at, done_at) VALUES ('sms', '13800001234', '好', ?, 'DONE', ?, ?, ?)")) {
                var utc = java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                ps.setString(1, dedupeKey);
                ps.setTimestamp(2, utc);
                ps.setTimestamp(3, utc);
                ps.setTimestamp(4, utc);
                return ps.executeUpdate();
            }
        });
    }

    private static void waitForText(String id, String expected) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(id)).getText().equals(expected));
    }

    @Test
    void aSupervisorWhispersToAnAgentThroughChanSpyOnTheirOwnPhone() {
        QueueState queue = ami.queue("hotline").orElseThrow();
        long now = System.currentTimeMillis() / 1000;
        queue.member(new QueueMemberState("刘洋", "PJSIP/1002", "dynamic", 0, 3, now - 40, 0, now - 3600, 1, 2, false,
                ""));
        ChromeDriver desk = Browser.open(1366, 768);
        try {
            String base = "http://127.0.0.1:" + app.httpPort();
            desk.get(base + "/login");
            desk.findElement(By.id("username")).sendKeys("zhaozhang");
            desk.findElement(By.id("password")).sendKeys("zhaozhang-password");
            desk.findElement(By.id("login-submit")).click();
            new WebDriverWait(desk, WAIT).until(d -> d.getCurrentUrl().endsWith("/supervisor"));
            desk.get(base + "/supervisor/agents");
            String row = "#agents tr[data-iface='PJSIP/1002']";
            assertThat(desk.findElement(By.cssSelector(row)).getText()).contains("刘洋", "通话中");
            int before = ami.originates().size();
            desk.findElement(By.cssSelector(row + " button.spy-whisper")).click();
            new WebDriverWait(desk, WAIT).until(d -> !d.findElements(By.cssSelector("p.ok#message")).isEmpty());
            assertThat(desk.findElement(By.id("message")).getText()).contains("密语", "PJSIP/1002", "1009");
            var originate = ami.originates().get(before);
            assertThat(originate.get("Channel")).contains("PJSIP/1009");
            assertThat(originate.get("Application")).contains("ChanSpy");
            assertThat(originate.get("Data")).as("whisper, bridged calls only, quiet, end with the agent's call")
                    .contains("PJSIP/1002-,bqwE");
            assertThat(desk.findElement(By.cssSelector("#oversight-audit tbody tr")).getText())
                    .as("who whispered to which agent, audited and shown to supervisors")
                    .contains("zhaozhang", "1009", "PJSIP/1002", "密语");
        } finally {
            desk.quit();
        }
    }

    @Test
    void theBoardShowsTheCallTheSimulatedQueueHoldsAndFollowsItLive() {
        String base = "http://127.0.0.1:" + app.httpPort();
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("banzhang");
        browser.findElement(By.id("password")).sendKeys("banzhang-password");
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/supervisor"));
        browser.findElement(By.cssSelector(".supnav a[href='/supervisor/wallboard']")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/supervisor/wallboard"));
        waitForText("waiting", "0");
        assertThat(text("sms")).as("texts received today: none yet").isEqualTo("0");
        // Two texts answered today (a request, a survey digit), one text sent unprompted: two received.
        outboxSms("sms-reply:it-wallboard-1", Instant.now());
        outboxSms("sms-reply:it-wallboard-2", Instant.now());
        outboxSms("no-provider:it-wallboard", Instant.now());
        outboxSms("sms-reply:it-wallboard-yesterday", Instant.now().minus(Duration.ofDays(2)));
        waitForText("sms", "2");

        QueueState queue = ami.queue("hotline").orElseThrow();
        long now = System.currentTimeMillis() / 1000;
        queue.member(new QueueMemberState("王芳", "PJSIP/1001", "dynamic", 0, 0, 0, now - 95, now - 3600, 0, 1, true,
                "小休"));
        ChannelSnapshot caller = ChannelSnapshot.fresh("PJSIP/trunk-00000042", 6, "hotline-in", "81890",
                "1733380000.42", "1733380000.42").withCallerId("13800001234", "");
        queue.join(caller, now - 12);
        ami.publish(QueueEvents.callerJoin(caller, "hotline", 1, 1));

        waitForText("waiting", "1");
        assertThat(text("longest-wait")).matches("0:1[2-9]|0:[2-5][0-9]");
        assertThat(browser.findElement(By.cssSelector("#agents tr[data-state=PAUSED]")).getText())
                .contains("王芳", "示忙", "小休");
        assertThat(browser.findElement(By.id("tile-waiting")).getAttribute("class")).contains("alert");
        Browser.screenshot(browser, "supervisor-wallboard");

        queue.leave(caller.channel(), true);
        waitForText("waiting", "0");
        assertThat(Browser.console(browser)).noneMatch(line -> line.contains("Content Security Policy"));
    }
}
