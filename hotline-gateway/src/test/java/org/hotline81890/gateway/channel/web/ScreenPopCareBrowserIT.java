package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.channel.agi.VoiceTestApp;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.voice.OneKeyTerminal;
import org.hotline81890.gateway.wiring.Core;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.simulators.RingAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screen pop's caller profile in headless Chromium: a caller nobody knows pops with no care flag; a resident with
 * a registered one-key terminal, an earlier answer 不满意 and an open complaint pops with each flag, the terminal's
 * profile and contacts, the last survey answer, the open orders and the intake's priority (特急 for a terminal).
 * An unplaced text is opened from the SMS inbox beside the pop and answered there; it leaves the inbox at once.
 */
class ScreenPopCareBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RESIDENT = "13600006666";
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        voice = VoiceTestApp.start(dataDir, Map.of());
        Eventually.waitFor("AMI login", WAIT, () -> voice.voice().ami().orElseThrow().isConnected());
        WebTestApp.person(voice.db(), "zhaomin", Role.AGENT, "赵敏", Optional.of("1001"));
        browser = Browser.open(1366, 768);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        voice.close();
    }

    private static WorkOrder sms(String key, String text, Optional<RequestType> type) {
        IntakeResult r = voice.app().core().intake().receive(IntakeRequest.of(key, Channel.SMS, RESIDENT, text)
                .withHints(type, Optional.empty(), Optional.empty()));
        return ((IntakeResult.Accepted) r).workOrder();
    }

    /** The desk, logging in first when this is the class's first test. */
    private static void openDesk() {
        browser.get("http://127.0.0.1:" + voice.app().httpPort() + "/agent");
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys("zhaomin");
            browser.findElement(By.id("password")).sendKeys("zhaomin-password");
            browser.findElement(By.id("login-submit")).click();
        }
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/agent"));
    }

    private static FluentWait<WebDriver> waiting() {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class);
    }

    @Test
    void aCallerWithATerminalAnUnsatisfiedSurveyAndAnOpenComplaintPopsWithEachFlag() {
        Core core = voice.app().core();
        voice.voice().terminals().upsert(List.of(new OneKeyTerminal(RESIDENT, "陈阿婆", "82岁，独居，听力差，高血压",
                "海曙区中山西路8号", "女儿 13900002222；社区网格员 87650000")));
        WorkOrder asked = sms("it-care-1", "请问社区养老服务怎么申请", Optional.of(RequestType.CONSULTATION));
        core.tracker().move(asked.id(), WorkOrderState.ANSWERED, "it", Channel.SMS, "answered", w -> List.of());
        assertThat(core.survey().answer(Optional.of(asked.ticket()), RESIDENT, SurveyAnswer.UNSATISFIED, Channel.SMS))
                .isInstanceOf(Survey.Result.Recorded.class);
        WorkOrder complaint = sms("it-care-2", "投诉小区物业乱收费，一直没人管", Optional.of(RequestType.COMPLAINT));
        assertThat(complaint.requestType()).isEqualTo(RequestType.COMPLAINT);

        openDesk();
        browser.findElement(By.id("btn-signin")).click();
        waiting().until(d -> d.findElement(By.id("state-label")).getText().equals("示忙"));
        browser.findElement(By.id("btn-ready")).click();
        waiting().until(d -> d.findElement(By.id("state-label")).getText().equals("就绪"));

        // A first-time caller: no care flag, no survey, no open order.
        RingAgent ringer = new RingAgent(voice.ami(), "hotline");
        RingAgent.Rang stranger = ringer.ring("127.0.0.1", voice.voice().agiPort(), "1001", "13511112222");
        assertThat(stranger.intakeFailure()).isEmpty();
        waiting().until(d -> d.findElement(By.id("pop-caller")).getText().equals("13511112222"));
        assertThat(browser.findElements(By.id("pop-care"))).isEmpty();
        assertThat(browser.findElements(By.id("pop-open"))).isEmpty();
        assertThat(browser.findElement(By.id("pop-survey")).getText()).contains("无");
        assertThat(browser.findElement(By.id("pop-priority")).getText()).isEqualTo("普通");

        RingAgent.Rang rang = ringer.ring("127.0.0.1", voice.voice().agiPort(), "1001", RESIDENT);
        assertThat(rang.intakeFailure()).isEmpty();
        waiting().until(d -> d.findElement(By.id("pop-caller")).getText().equals(RESIDENT));
        assertThat(browser.findElement(By.id("care-terminal")).getText()).isEqualTo("一键通终端");
        assertThat(browser.findElement(By.id("care-repeat")).getText()).contains("7 天内重复来电", "2");
        assertThat(browser.findElement(By.id("care-complaint")).getText()).contains(complaint.ticket().grouped())
                .doesNotContain(asked.ticket().grouped());
        assertThat(browser.findElement(By.id("care-unsatisfied")).getText()).isEqualTo("上次回访不满意");
        assertThat(browser.findElement(By.id("pop-resident")).getText()).isEqualTo("陈阿婆");
        assertThat(browser.findElement(By.id("pop-profile")).getText()).contains("独居");
        assertThat(browser.findElement(By.id("pop-contacts")).getText()).contains("女儿 13900002222", "社区网格员");
        assertThat(browser.findElement(By.id("pop-survey-answer")).getText()).isEqualTo("不满意");
        assertThat(browser.findElement(By.id("pop-survey")).getText()).contains(asked.ticket().grouped());
        // Both earlier orders are open (the unsatisfied one went back to dispatch); this call's own is not listed.
        WorkOrder thisCall = core.store().findByIdempotencyKey("phone:" + rang.uniqueId()).orElseThrow();
        assertThat(browser.findElement(By.id("pop-open")).getText()).contains(complaint.ticket().grouped(),
                asked.ticket().grouped(), "投诉").doesNotContain(thisCall.ticket().grouped());
        assertThat(browser.findElement(By.id("pop-priority")).getText()).isEqualTo("特急");
        assertThat(browser.findElement(By.id("pop-ticket")).getText()).isEqualTo(thisCall.ticket().grouped());
        Browser.screenshot(browser, "agent-desk-pop-care");
        assertThat(Browser.console(browser)).noneMatch(l -> l.contains("Content Security Policy"));
    }

    @Test
    void anUnplacedTextIsOpenedFromTheSmsInboxAndAnsweredThere() {
        WorkOrder text = ((IntakeResult.Accepted) voice.app().core().intake().receive(IntakeRequest.of("it-inbox-1",
                Channel.SMS, "13622223333", "你好，在吗？"))).workOrder();
        assertThat(text.state()).isEqualTo(WorkOrderState.RECEIVED);
        openDesk();
        String item = "sms-" + text.ticket().value();
        waiting().until(d -> !d.findElements(By.id(item)).isEmpty());
        browser.findElement(By.id(item)).click();
        waiting().until(d -> d.findElement(By.id("sms-caller")).getText().equals("13622223333"));
        assertThat(browser.findElement(By.id("sms-body")).getText()).isEqualTo("你好，在吗？");
        assertThat(browser.findElements(By.id("ticket-form"))).hasSize(1);
        browser.findElement(By.id("sms-reply")).sendKeys("您好，请直接发送您要反映的问题和地址");
        Browser.screenshot(browser, "agent-desk-sms");
        browser.findElement(By.id("btn-sms-reply")).click();
        waiting().until(d -> d.findElement(By.id("sms-outcome")).getText().contains("已短信答复"));
        // The answered text leaves the inbox at once (HX-Trigger order-handled), not at the next poll.
        waiting().withTimeout(Duration.ofSeconds(5)).until(d -> d.findElements(By.id(item)).isEmpty());
        assertThat(voice.app().core().store().find(text.id()).orElseThrow().state())
                .isEqualTo(WorkOrderState.ANSWERED);
    }
}
