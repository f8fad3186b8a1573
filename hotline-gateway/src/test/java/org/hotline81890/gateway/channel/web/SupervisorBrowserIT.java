package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.hotline81890.gateway.dispatch.ExtensionRequest;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The 督办 desk in headless Chromium, with real clicks: a supervisor finds an escalated order on the list, reassigns
 * it to a provider of their choice, and that provider gets the offer; a department's extension request is approved
 * from the list and its handling deadline moves.
 */
class SupervisorBrowserIT {
    @TempDir
    static Path dataDir;
    private static SupervisorFixture fx;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        fx = new SupervisorFixture(dataDir);
        browser = Browser.open(1366, 768);
        browser.get(url("/login"));
        String login = WebTestApp.login(Role.SUPERVISOR);
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(WebTestApp.password(login));
        browser.findElement(By.id("login-submit")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/supervisor"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        fx.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + fx.web.port() + path;
    }

    private static void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    @Test
    void aSupervisorReassignsAnEscalatedOrderAndTheChosenProviderGetsTheOffer() {
        WorkOrder w = fx.escalated("it:sup:reassign");
        browser.get(url("/supervisor"));
        String row = "tr[data-ticket='" + w.ticket().value() + "']";
        assertThat(browser.findElement(By.cssSelector(row + " .reason")).getText()).isEqualTo("无服务单位可承接");
        Browser.screenshot(browser, "supervisor-list");
        browser.findElement(By.cssSelector(row + " a")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/supervisor/orders/" + w.ticket().value()));
        new Select(browser.findElement(By.id("reassign-provider"))).selectByValue("P-JB");
        browser.findElement(By.id("reassign-submit")).click();
        waitUntil(d -> !d.findElements(By.cssSelector("p.ok#message")).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).contains("已改派给", "江北家政公司");
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("派单中");
        assertThat(browser.findElement(By.id("history")).getText()).contains("reassigned by supervisor it-supervisor");
        Browser.screenshot(browser, "supervisor-order");

        Offer offer = fx.partners.offers().forWorkOrder(new WorkOrderRef(Long.toString(w.id().value()))).getLast();
        assertThat(offer.provider()).isEqualTo(ProviderId.of("P-JB"));
        assertThat(offer.state()).isEqualTo(OfferState.OFFERED);
        assertThat(fx.state(w)).isEqualTo(WorkOrderState.OFFERED);
        assertThat(fx.smsTo(SupervisorFixture.JB_PHONE)).as("the chosen provider is offered the job by SMS")
                .anyMatch(t -> t.contains("新工单" + w.ticket().grouped()));
        assertThat(Browser.console(browser)).noneMatch(line -> line.contains("Content Security Policy"));
    }

    @Test
    void aSupervisorApprovesADepartmentsExtensionFromTheList() {
        WorkOrder w = fx.intake("it:sup:extension", "UT-01", "海曙区", "小区水管漏水，需要维修");
        Offer transfer = fx.acceptedTransfer(w);
        assertThat(fx.partners.flow().requestExtension(ProviderId.of("DEP-W"), transfer.id(), Duration.ofHours(24),
                "等待更换主管道")).isInstanceOf(ActionResult.ExtensionRequested.class);
        ExtensionRequest request = fx.partners.extensionRequests().pendingFor(transfer.id()).orElseThrow();

        browser.get(url("/supervisor"));
        String row = "tr[data-request='" + request.id() + "']";
        assertThat(browser.findElement(By.cssSelector(row)).getText()).contains("海曙区水务服务中心", "24 小时",
                "等待更换主管道");
        browser.findElement(By.cssSelector(row + " button.approve")).click();
        waitUntil(d -> !d.findElements(By.cssSelector("p.ok#message")).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).contains("已批准延期");
        assertThat(browser.findElements(By.cssSelector(row))).as("no longer waiting").isEmpty();
        Eventually.waitFor("deadline moved", SupervisorFixture.WAIT, () -> fx.partners.offers().find(transfer.id())
                .orElseThrow().handleBy().equals(transfer.handleBy().map(t -> t.plus(Duration.ofHours(24)))));
        assertThat(fx.smsTo(SupervisorFixture.DEPT_PHONE)).anyMatch(t -> t.contains("延期申请已批准"));
    }
}
