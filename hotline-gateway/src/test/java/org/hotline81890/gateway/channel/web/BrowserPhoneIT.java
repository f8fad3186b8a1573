package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.simulators.sip.SipWebSocketRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two agents' desks in headless Chromium with fake microphones switch to the browser phone, register their
 * extensions with the simulators' SIP-over-WebSocket relay (standing in for Asterisk's PJSIP, asking digest
 * authentication as PJSIP's auth_type=userpass does: SIP.js answers the 401 with the password typed on the desk),
 * and one calls the other: the callee's desk rings with the caller's extension and answers; hold, mute and DTMF work
 * in the call (hold is a re-INVITE through the relay), and a hang-up ends it on both desks.
 */
class BrowserPhoneIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String[] MEDIA = {"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"};
    @TempDir
    static Path dataDir;
    private static SipWebSocketRelay relay;
    private static WebTestApp web;
    private static ChromeDriver caller;
    private static ChromeDriver callee;

    @BeforeAll
    static void start() throws Exception {
        relay = SipWebSocketRelay.start("127.0.0.1", 0, Map.of("1001", "sip-secret", "1002", "sip-secret"));
        web = WebTestApp.start(dataDir, Map.of("HOTLINE_PHONE_WS_URL", "ws://127.0.0.1:" + relay.port(),
                "HOTLINE_PHONE_DOMAIN", "hotline.test"));
        WebTestApp.people(web.db()).add(new NewPerson("lina", Role.AGENT, "李娜", Optional.empty(),
                Optional.of("1002")), "lina-password");
        caller = Browser.open(1366, 768, MEDIA);
        callee = Browser.open(1366, 768, MEDIA);
    }

    @AfterAll
    static void stop() {
        for (ChromeDriver d : new ChromeDriver[] {caller, callee}) {
            if (d != null) {
                d.quit();
            }
        }
        if (web != null) {
            web.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private static void logIn(ChromeDriver b, String login, String password) {
        b.get("http://127.0.0.1:" + web.port() + "/login");
        b.findElement(By.id("username")).sendKeys(login);
        b.findElement(By.id("password")).sendKeys(password);
        b.findElement(By.id("login-submit")).click();
        new WebDriverWait(b, WAIT).until(d -> d.getCurrentUrl().endsWith("/agent"));
    }

    private static void registerBrowserPhone(ChromeDriver b) {
        new WebDriverWait(b, WAIT).until(d -> d.findElement(By.id("phone-mode-browser")).isEnabled());
        b.findElement(By.id("phone-mode-browser")).click();
        new WebDriverWait(b, WAIT).until(d -> d.findElement(By.id("phone-password")).isDisplayed());
        b.findElement(By.id("phone-password")).sendKeys("sip-secret");
        b.findElement(By.id("phone-register")).click();
        waitFor(b, "data-state", "registered");
    }

    private static void waitFor(ChromeDriver b, String attribute, String value) {
        new WebDriverWait(b, WAIT).until(d -> value.equals(d.findElement(By.id("phone")).getDomAttribute(attribute)));
    }

    private static void click(ChromeDriver b, String id) {
        new WebDriverWait(b, WAIT).until(d -> d.findElement(By.id(id)).isDisplayed());
        b.findElement(By.id(id)).click();
    }

    @Test
    void twoDesksShouldRegisterAndOneShouldAnswerTheOthersCall() {
        logIn(caller, WebTestApp.login(Role.AGENT), WebTestApp.password(WebTestApp.login(Role.AGENT)));
        logIn(callee, "lina", "lina-password");
        assertThat(caller.findElement(By.id("phone")).getDomAttribute("data-mode")).as("desk phone by default")
                .isEqualTo("desk");
        registerBrowserPhone(caller);
        registerBrowserPhone(callee);
        assertThat(relay.isRegistered("1001")).isTrue();
        assertThat(relay.isRegistered("1002")).isTrue();
        assertThat(caller.findElement(By.id("phone-status")).getText()).contains("已注册", "1001");

        caller.findElement(By.id("phone-dial")).sendKeys("1002");
        click(caller, "phone-call");
        new WebDriverWait(callee, WAIT).until(d -> d.findElement(By.id("phone-incoming")).isDisplayed());
        assertThat(callee.findElement(By.id("phone-caller")).getText()).contains("1001");
        Browser.screenshot(callee, "agent-phone-ringing");
        click(callee, "phone-answer");
        waitFor(callee, "data-call", "talking");
        waitFor(caller, "data-call", "talking");

        click(callee, "phone-mute");
        waitFor(callee, "data-muted", "yes");
        click(caller, "phone-hold");
        waitFor(caller, "data-call", "held");
        click(caller, "phone-hold");
        waitFor(caller, "data-call", "talking");
        caller.findElement(By.cssSelector("#phone-pad button[data-tone='5']")).click();
        Browser.screenshot(caller, "agent-phone-talking");

        click(callee, "phone-hangup");
        waitFor(callee, "data-call", "none");
        waitFor(caller, "data-call", "none");
        for (ChromeDriver b : new ChromeDriver[] {caller, callee}) {
            assertThat(Browser.console(b)).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }

    @Test
    void theDeskPageShouldLetThePhoneConnectToItsWebSocketOnly() {
        WebClient agent = web.as(Role.AGENT);
        String csp = agent.get("/agent").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("connect-src 'self' ws://127.0.0.1:" + relay.port() + ";")
                .contains("script-src 'self';");
        assertThat(agent.get("/agent/orders").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("connect-src 'self';");
        assertThat(agent.get("/agent/phone").body()).contains("\"extension\":\"1001\"", "\"enabled\":true",
                "\"domain\":\"hotline.test\"");
    }
}
