package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.Area;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The KPI charts in headless Chromium at 1366x768: the ECharts canvas renders without a console error, the heat
 * table shows the Chinese category and district names, the category filter changes the figures, and the CSV export
 * answers with its header behind a byte-order mark.
 */
class SupervisorChartsBrowserIT {
    @TempDir
    static Path dataDir;
    private static SupervisorFixture fx;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        fx = new SupervisorFixture(dataDir);
        List<WorkOrder> dispatched = List.of(intake("it:charts:1", Channel.WEB, "HK-01", "海曙区"),
                intake("it:charts:2", Channel.SMS, "HK-01", "海曙区"), intake("it:charts:3", Channel.PHONE, "HK-01",
                        "江北区"), intake("it:charts:4", Channel.PHONE, "UT-01", "海曙区"));
        // Offered: P-HS twice, P-JB and DEP-W once each (the scorecards' 派单数).
        dispatched.forEach(w -> Eventually.waitFor("offered", SupervisorFixture.WAIT,
                () -> fx.state(w) == WorkOrderState.OFFERED));
        // A consultation nobody can take (鄞州区 has no provider), answered by the hotline itself.
        WorkOrder answered = fx.intake("it:charts:5", "MH-01", "鄞州区", "医保报销怎么办理");
        Eventually.waitFor("escalated", SupervisorFixture.WAIT, () -> fx.state(answered) == WorkOrderState.ESCALATED);
        fx.web.app().core().tracker().move(answered.id(), WorkOrderState.ANSWERED, "it-agent", Channel.AGENT,
                "answered (直接答复)", x -> List.of());
        // Two survey answers today, one satisfied (5) and one not (1): 满意率 50 %.
        score(1, 5);
        score(2, 1);
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

    private static WorkOrder intake(String key, Channel channel, String service, String district) {
        Area area = new Area(Optional.of(district), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("某路1号"));
        return ((IntakeResult.Accepted) fx.web.app().core().intake().receive(new IntakeRequest(key, channel,
                "13800007777", "需要帮忙", Optional.empty(), Optional.of(service), Optional.empty(), area, "it",
                x -> List.of()))).workOrder();
    }

    private static void score(long workOrder, int score) {
        fx.web.db().database().transactions().inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO provider_survey_score (work_order_id, work_order_version, "
                    + "provider_id, offer_id, score, answered_at) VALUES (?, 99, 'P-HS', 'offer-it', ?, "
                    + "UTC_TIMESTAMP(3))")) {
                ps.setLong(1, workOrder);
                ps.setInt(2, score);
                return ps.executeUpdate();
            }
        });
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + fx.web.port() + path;
    }

    private static void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    private static String row(String category) {
        return browser.findElement(By.cssSelector("#heat tr[data-category='" + category + "']")).getText();
    }

    @Test
    void theChartRendersAndTheFilterChangesTheFigures() {
        browser.get(url("/supervisor"));
        browser.findElement(By.cssSelector(".supnav a[href='/supervisor/charts']")).click();
        waitUntil(d -> !d.findElements(By.cssSelector("#hours-chart[data-rendered='true'] canvas")).isEmpty());
        assertThat(browser.findElement(By.id("heat")).getText()).contains("类别", "海曙区", "江北区", "合计");
        assertThat(row("HK")).startsWith("家政服务").endsWith("3");
        assertThat(row("UT")).startsWith("公用事业").endsWith("1");
        assertThat(browser.findElement(By.id("fcr")).getText()).isEqualTo("20.0%");
        assertThat(browser.findElements(By.cssSelector("#trend-chart[data-rendered='true'] canvas"))).hasSize(1);
        assertThat(browser.findElement(By.id("trend-chart")).getAttribute("data-chart"))
                .contains("\"rates\":[50.0]", "\"answers\":[2]");
        assertThat(browser.findElement(By.id("repeat-callers")).getText()).contains("138****7777")
                .doesNotContain("13800007777");
        Browser.screenshot(browser, "supervisor-charts");
        assertThat(Browser.console(browser)).as("no console errors, no CSP violation")
                .noneMatch(line -> line.contains("SEVERE") || line.contains("Content Security Policy"));

        new Select(browser.findElement(By.id("category"))).selectByVisibleText("公用事业");
        browser.findElement(By.id("filter-submit")).click();
        waitUntil(d -> d.getCurrentUrl().contains("category=UT")
                && !d.findElements(By.cssSelector("#hours-chart[data-rendered='true'] canvas")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#heat tr[data-category]"))).hasSize(1);
        assertThat(row("UT")).startsWith("公用事业").endsWith("1");
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("category=UT");
    }

    @Test
    void theCsvExportCarriesTheSameFiguresWithAByteOrderMarkAndBadFiltersAreRefused() {
        WebClient sup = fx.web.as(Role.SUPERVISOR);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> csv = sup.get("/supervisor/charts.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv").contains("utf-8"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("attachment; filename=\"kpi-"));
        assertThat(csv.body()).startsWith("\uFEFF指标,小时/日期,渠道,类别,区县,号码,数量\r\n")
                .contains("类别×区县,,,家政服务,海曙区,,2\r\n", "类别×区县,,,家政服务,江北区,,1\r\n")
                .contains(",短信,,,,1\r\n", "受理量,,,,,,5\r\n", "首次联系解决,,,,,,1\r\n",
                        "重复来电,,,,,138****7777,5\r\n", "回访答复," + today + ",,,,,2\r\n",
                        "满意," + today + ",,,,,1\r\n").doesNotContain("13800007777");
        assertThat(sup.get("/supervisor/charts.csv?category=UT").body()).doesNotContain("家政服务")
                .contains("类别×区县,,,公用事业,海曙区,,1");
        HttpResponse<String> bad = sup.get("/supervisor/charts?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("日期格式应为");
        assertThat(sup.get("/supervisor/charts.csv?from=2026-12-05&to=2026-01-01").statusCode()).isEqualTo(400);
        assertThat(fx.web.as(Role.AGENT).get("/supervisor/charts.csv").statusCode()).isEqualTo(403);
    }

    /** The same rows as a workbook: opened as the zip it is, its sheets' XML read back. */
    @Test
    void theXlsxExportCarriesTheSameFiguresOnTwoSheets() throws Exception {
        WebClient sup = fx.web.as(Role.SUPERVISOR);
        java.net.http.HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient().send(
                sup.request("/supervisor/charts.xlsx").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).contains(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("attachment; filename=\"kpi-").endsWith(".xlsx\""));
        Map<String, String> parts = ChartXlsxTest.unzip(xlsx.body());
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"指标\"", "name=\"服务单位排名\"");
        String strings = parts.getOrDefault("xl/sharedStrings.xml", "");
        String figures = parts.get("xl/worksheets/sheet1.xml") + strings;
        assertThat(figures).contains("类别×区县", "家政服务", "海曙区", "受理量", "138****7777")
                .doesNotContain("13800007777");
        assertThat(parts.get("xl/worksheets/sheet1.xml")).as("受理量 5 as a number cell").containsPattern(
                "<c r=\"G\\d+\"[^>]*><v>5</v></c>");
        assertThat(parts.get("xl/worksheets/sheet2.xml") + strings).contains("海曙家政服务社", "综合分");
        assertThat(fx.web.as(Role.AGENT).get("/supervisor/charts.xlsx").statusCode()).isEqualTo(403);
        assertThat(sup.get("/supervisor/charts.xlsx?from=2026-12-05&to=2026-01-01").statusCode()).isEqualTo(400);
    }

    private static Optional<Path> csvIn(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("kpi-.*\\.csv")).findFirst();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> scorecardOrder() {
        return browser.findElements(By.cssSelector("#scorecards tbody tr")).stream()
                .map(r -> r.getAttribute("data-provider")).toList();
    }

    @Test
    void theScorecardSortsOnAClickOpensAProviderAndTheCsvDownloads() throws Exception {
        browser.get(url("/supervisor/charts"));
        waitUntil(d -> !d.findElements(By.cssSelector("#response-chart[data-rendered='true'] canvas")).isEmpty()
                && !d.findElements(By.cssSelector("#completion-chart[data-rendered='true'] canvas")).isEmpty());
        assertThat(scorecardOrder()).containsExactlyInAnyOrder("P-HS", "P-JB", "DEP-W");
        String hs = browser.findElement(By.cssSelector("#scorecards tr[data-provider='P-HS']")).getText();
        assertThat(hs).as("ranked on its 满意率 alone: nothing of its was due an answer yet")
                .startsWith("1 海曙家政服务社 加盟企业 2 ").contains("50.0%", "满意率低").doesNotContain("有督办");
        assertThat(browser.findElements(By.cssSelector("#times tr[data-category='MH'][data-measure='办结']")))
                .as("the consultation answered at first contact is done").hasSize(1);

        WebElement offers = browser.findElement(By.cssSelector("#scorecards button[data-col='3']"));
        new Actions(browser).scrollToElement(offers).perform();
        offers.click();
        waitUntil(d -> "3-asc".equals(d.findElement(By.id("scorecards")).getAttribute("data-sorted")));
        assertThat(scorecardOrder().getLast()).isEqualTo("P-HS");
        browser.findElement(By.cssSelector("#scorecards button[data-col='3']")).click();
        waitUntil(d -> "3-desc".equals(d.findElement(By.id("scorecards")).getAttribute("data-sorted")));
        assertThat(scorecardOrder().getFirst()).isEqualTo("P-HS");
        browser.executeScript("document.getElementById('times').scrollIntoView()");
        Browser.screenshot(browser, "supervisor-scorecards");

        browser.findElement(By.cssSelector("#scorecards tr[data-provider='P-HS'] a.provider")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/supervisor/providers/P-HS?from="));
        assertThat(browser.findElement(By.id("provider-name")).getText()).isEqualTo("海曙家政服务社");
        assertThat(browser.findElement(By.id("rank")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("satisfaction")).getText()).isEqualTo("50.0%（1 / 2）");
        assertThat(browser.findElements(By.cssSelector("#recent-offers tbody tr"))).hasSize(2);
        Browser.screenshot(browser, "supervisor-provider");
        browser.findElement(By.id("back")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/supervisor/charts?from="));

        Path downloads = Files.createDirectories(dataDir.resolve("downloads"));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toAbsolutePath().toString()));
        browser.findElement(By.id("csv")).click();
        Path file = Eventually.waitForValue("the CSV download", SupervisorFixture.WAIT, () -> csvIn(downloads));
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF" + ChartCsv.HEADER).contains("响应·受理量,,,家政服务,,,3\r\n",
                "\r\n服务单位排名\r\n" + ChartCsv.SCORECARD_HEADER + "\r\n1,海曙家政服务社,P-HS,加盟企业,2,");
        assertThat(Browser.console(browser)).noneMatch(line -> line.contains("SEVERE"));
    }

    @Test
    void anUnknownProviderIsNotFound() {
        assertThat(fx.web.as(Role.SUPERVISOR).get("/supervisor/providers/P-NONE").statusCode()).isEqualTo(404);
        assertThat(fx.web.as(Role.AGENT).get("/supervisor/providers/P-HS").statusCode()).isEqualTo(403);
    }

    @Test
    void aFormulaInACsvCellIsDefused() {
        assertThat(ChartCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ChartCsv.cell("海曙区")).isEqualTo("海曙区");
    }
}
