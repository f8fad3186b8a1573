package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The provider desks in headless Chromium at phone size (390x844), with real clicks (issue 14). Providers are
 * onboarded through the admin pages; orders come in through the admin API and are dispatched by the real partner
 * flow. A partner sees its offer appear live without the resident's number, address or words, accepts, sees the
 * address and the masked number, completes with a note, and the resident's survey SMS is in the outbox. Another
 * partner never sees it and cannot act on it. A department signs and replies to a transfer; a volunteer takes a task.
 */
class ProviderDeskBrowserIT {
    private static final Duration WAIT = ProviderDeskPages.WAIT;
    @TempDir
    static Path dataDir;
    private static ProviderDeskPages desk;
    private static WebTestApp web;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        desk = ProviderDeskPages.start(dataDir, Map.of());
        web = desk.web;
        browser = desk.browser;
        desk.onboard("P-DESK1", "PARTNER_COMPANY", "宁波手机家政", "HK-01", "desk1-staff");
        desk.onboard("P-DESK2", "PARTNER_COMPANY", "宁波另一家政", "HK-02", "desk2-staff");
        desk.onboard("DEP-DESK", "DEPARTMENT", "海曙区测试局", "UT-01", "dept-staff");
        desk.onboard("V-DESK", "VOLUNTEER_TEAM", "鼓楼红帽子志愿队", "EC-10", "vol-staff");
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    private static void waitGone(By by) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(by).isEmpty());
    }

    /** Clicks the first visible match, again if a live board replaced it meanwhile. */
    private static void click(String css) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            desk.waitFor(By.cssSelector(css)).click();
            return true;
        });
    }

    private static void type(String css, String text) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            desk.waitFor(By.cssSelector(css)).sendKeys(text);
            return true;
        });
    }

    /**
     * The desk's answer to the last action is shown: also when the live board (the commit's SSE event) replaced the
     * clicked button before the answer came back, which used to lose it.
     */
    private static void says(String words) {
        try {
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("desk-message")).getText().startsWith(words));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the desk never said " + words + ": '"
                    + browser.findElement(By.id("desk-message")).getText() + "'", e);
        }
    }

    /** The page's stream is open: the board it sent at connection is in. */
    private static void live() {
        desk.waitFor(By.cssSelector("#board[data-live='true']"));
    }

    @Test
    void aPartnerTakesAJobEndToEndOnAPhoneAndAnotherPartnerNeverSeesIt() {
        desk.logIn("desk1-staff");
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/partner"));
        live();
        desk.waitFor(By.id("no-offers"));

        WorkOrder w = desk.order("HK-01", "家里要打扫，请打电话13812345678找王阿姨", "中山西路88号3单元502");
        String offerId = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> desk.waitFor(By.cssSelector("article.offer")).getAttribute("data-offer"));
        String offer = "article.offer[data-offer='" + offerId + "']";
        assertThat(desk.text(offer + " .pay")).as("what the job pays: the directory has a price for HK-01")
                .isEqualTo("参考价 45 元/小时（两小时起）");
        assertThat(desk.text(offer)).contains("钟点工").contains("孝闻社区")
                .doesNotContain("13812345678").doesNotContain("5678").doesNotContain("中山西路")
                .doesNotContain("王阿姨");
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(
                By.cssSelector(offer + " .countdown")).getText().startsWith("剩余"));
        Browser.screenshot(browser, "partner-desk-offer");

        WebClient other = new WebClient(web.port()).loggedIn("desk2-staff", "desk2-staff-pw1");
        assertThat(other.get("/partner").body()).doesNotContain(offerId);
        HttpResponse<String> stolen = other.postWithCsrf("/partner/offers/" + offerId + "/accept", Map.of());
        assertThat(stolen.statusCode()).as("another partner's offer").isEqualTo(404);
        assertThat(web.app().core().store().find(w.id()).orElseThrow().state().name()).isEqualTo("OFFERED");

        click(offer + " button.accept");
        String job = "article.mine[data-job='" + offerId + "']";
        assertThat(desk.text(job + " .address")).isEqualTo("中山西路88号3单元502");
        says("已接单");
        assertThat(desk.text(job + " .masked-phone")).isEqualTo("138****5678");
        assertThat(desk.text(job + " .text")).as("identifiers in the resident's words are masked")
                .contains("王阿姨").doesNotContain("13812345678");
        Browser.screenshot(browser, "partner-desk-job");

        click(job + " button.start");
        desk.waitFor(By.cssSelector("article.mine[data-state='STARTED']"));
        type(job + " textarea.note", "已打扫完毕，厨房和卫生间");
        click(job + " button.complete-submit");
        waitGone(By.cssSelector("article.mine"));
        says("已办结");

        Eventually.waitFor("the survey SMS in the outbox", WAIT,
                () -> web.app().core().outbox().status("resident-survey:" + offerId).isPresent());
        assertThat(web.app().core().store().find(w.id()).orElseThrow().state().name()).isEqualTo("COMPLETED");
        HttpResponse<String> late = other.postWithCsrf("/partner/offers/" + offerId + "/decline",
                Map.of("reason", "busy"));
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(Browser.console(browser)).noneMatch(line -> line.contains("Content Security Policy"));
    }

    @Test
    void badInputIsRefusedByFieldAndChangesNothing() {
        desk.order("HK-01", "需要钟点工", "鼓楼1号");
        WebClient me = new WebClient(web.port()).loggedIn("desk1-staff", "desk1-staff-pw1");
        String offerId = Eventually.waitForValue("an offer", WAIT, () -> java.util.Optional.ofNullable(
                ProviderDeskPages.firstOffer(me.get("/partner/board").body())));
        HttpResponse<String> wrongReason = me.postWithCsrf("/partner/offers/" + offerId + "/decline",
                Map.of("reason", "because"));
        assertThat(wrongReason.statusCode()).isEqualTo(400);
        assertThat(wrongReason.body()).contains("reason：");
        assertThat(me.postWithCsrf("/partner/offers/" + offerId + "/accept", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> tooLong = me.postWithCsrf("/partner/offers/" + offerId + "/complete",
                Map.of("note", "好".repeat(DeskAnswers.NOTE_MAX + 1)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("note：");
        assertThat(me.get("/partner/board").body()).as("still in hand").contains("data-job=\"" + offerId + "\"");
        HttpResponse<String> hours = me.postWithCsrf("/partner/offers/" + offerId + "/extension",
                Map.of("hours", "soon", "reason", "等配件"));
        assertThat(hours.statusCode()).isEqualTo(400);
        assertThat(hours.body()).contains("hours：");
        assertThat(me.postWithCsrf("/partner/offers/" + offerId + "/complete", Map.of("note", "好了")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> declineAfter = me.postWithCsrf("/partner/offers/" + offerId + "/decline",
                Map.of("reason", "busy"));
        assertThat(declineAfter.statusCode()).isEqualTo(409);
        assertThat(declineAfter.body()).contains("不能再拒单");
    }

    @Test
    void aDepartmentSignsAndRepliesToATransferAndEveryFullViewIsAudited() {
        WorkOrder w = desk.order("UT-01", "自来水停水三天了，电话13812345678", "孝闻街12号");
        desk.logIn("dept-staff");
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/department"));
        live();
        String offerId = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> desk.waitFor(By.cssSelector("article.offer")).getAttribute("data-offer"));
        assertThat(browser.findElements(By.cssSelector("article.offer[data-offer='" + offerId + "'] .pay")))
                .as("no price for a transfer's service: nothing shown").isEmpty();
        click("article.offer[data-offer='" + offerId + "'] button.accept");
        String job = "article.mine[data-job='" + offerId + "']";
        assertThat(desk.text(job)).contains("办理期限");
        click(job + " a.detail");
        assertThat(desk.text("#phone")).isEqualTo(ProviderDeskPages.RESIDENT);
        assertThat(web.app().core().store().find(w.id()).orElseThrow().state().name()).isEqualTo("ACCEPTED");
        assertThat(auditRows(w)).as("the full view is audited").isEqualTo(1);
        browser.navigate().back();
        browser.navigate().refresh();
        live();
        type(job + " input.ext-hours", "24");
        type(job + " input.ext-reason", "需要协调供水公司");
        click(job + " button.ext-submit");
        // A department's extension waits for a supervisor (督办): a pending request, the offer not extended yet.
        Eventually.waitFor("the extension requested", WAIT, () -> pendingExtensionRequests(offerId) == 1);
        assertThat(extensions(offerId)).as("not granted before a supervisor approves").isZero();
        type(job + " textarea.note", "已恢复供水，原因为管道抢修");
        click(job + " button.complete-submit");
        waitGone(By.cssSelector("article.mine"));
        Eventually.waitFor("completed", WAIT, () -> web.app().core().store().find(w.id()).orElseThrow().state()
                .name().equals("COMPLETED"));
    }

    @Test
    void aVolunteerTakesATaskNearThemAndFinishesIt() {
        WorkOrder w = desk.order("EC-10", "独居老人需要探访", "孝闻社区5幢");
        desk.logIn("vol-staff");
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/volunteer"));
        live();
        assertThat(desk.text("article.offer")).contains("孝闻社区");
        click("article.offer button.accept");
        type("article.mine textarea.note", "陪老人聊天一小时");
        click("article.mine button.complete-submit");
        waitGone(By.cssSelector("article.mine"));
        Eventually.waitFor("completed", WAIT, () -> web.app().core().store().find(w.id()).orElseThrow().state()
                .name().equals("COMPLETED"));
        browser.navigate().refresh();
        assertThat(desk.text("#history")).contains("已完成");
        assertThat(desk.text("#volunteer-hours")).as("the volunteer's service record").contains("已完成 1 次服务");
    }

    private static int pendingExtensionRequests(String offerId) {
        return web.db().database().transactions().read(c -> {
            try (var ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM extension_request WHERE offer_id=? AND state='PENDING'")) {
                ps.setString(1, offerId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static int extensions(String offerId) {
        return web.db().database().transactions().read(c -> {
            try (var ps = c.prepareStatement("SELECT extensions FROM offer WHERE id=?")) {
                ps.setString(1, offerId);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            }
        });
    }

    private static int auditRows(WorkOrder w) {
        return web.db().database().transactions().read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM personal_data_view WHERE work_order_id=?")) {
                ps.setString(1, Long.toString(w.id().value()));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
