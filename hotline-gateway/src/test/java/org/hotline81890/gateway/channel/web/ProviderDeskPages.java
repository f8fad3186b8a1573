package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the provider desks' browser ITs share: the hotline without sample providers (offers wait ten minutes, the
 * relay and the scheduler poll every 50 ms), providers onboarded through the admin pages (海曙区, open 24h, five
 * jobs at once; staff log in with LOGIN-pw1 and are named LOGIN同志), orders from one resident through the admin
 * API, and headless Chromium at phone size (390x844) with waits that survive the live board replacing what they see.
 */
final class ProviderDeskPages implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String RESIDENT = "13812345678";
    private static final Pattern OFFER = Pattern.compile("data-offer=\"([^\"]+)\"");
    final WebTestApp web;
    final ChromeDriver browser;

    private ProviderDeskPages(WebTestApp web, ChromeDriver browser) {
        this.web = web;
        this.browser = browser;
    }

    static ProviderDeskPages start(Path dataDir, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false",
                "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms", "HOTLINE_OUTBOX_POLL_INTERVAL", "50ms",
                "HOTLINE_SCHEDULER_POLL_INTERVAL", "50ms", "HOTLINE_PARTNERS_ACCEPT_TIMEOUT", "10m"));
        all.putAll(env);
        WebTestApp web = WebTestApp.start(dataDir, all);
        try {
            return new ProviderDeskPages(web, Browser.open(390, 844));
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
    }

    /** Onboards a provider on the admin pages, with a staff login for each of {@code logins}. */
    void onboard(String id, String kind, String name, String service, String... logins) {
        WebClient admin = web.as(Role.ADMIN);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("kind", kind);
        f.put("name", name);
        f.put("services", service);
        f.put("coverage", "海曙区");
        f.put("hours", "24h");
        f.put("capacity", "5");
        f.put("webhook_url", "");
        f.put("sms", "1990574" + Math.abs(id.hashCode() % 10000));
        f.put("portal_login", "");
        assertThat(admin.postWithCsrf("/admin/providers", f).statusCode()).as("onboard " + id).isEqualTo(200);
        for (String login : logins) {
            assertThat(admin.postWithCsrf("/admin/providers/" + id + "/staff", Map.of("login", login, "name",
                    login + "同志", "password", login + "-pw1")).statusCode()).isEqualTo(200);
        }
    }

    /** A request of the resident's through the admin API, dispatched by the real partner flow. */
    WorkOrder order(String service, String text, String address) {
        WebClient c = new WebClient(web.port());
        JsonObject body = new JsonObject().put("callerNumber", RESIDENT).put("text", text).put("channel", "web")
                .put("serviceCode", service).put("area", new JsonObject().put("district", "海曙区")
                        .put("street", "鼓楼街道").put("community", "孝闻社区").put("address", address));
        HttpResponse<String> r = c.send(c.request("/api/admin/work-orders")
                .header("Authorization", "Bearer " + WebTestApp.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
        assertThat(r.statusCode()).isEqualTo(201);
        web.app().wakeRelay();
        return web.app().core().store().findByTicket(TicketNumber.of(new JsonObject(r.body()).getString("ticket")))
                .orElseThrow();
    }

    /** The id of the first offer on a board's HTML, or null. */
    static String firstOffer(String board) {
        Matcher m = OFFER.matcher(board);
        return m.find() ? m.group(1) : null;
    }

    void logIn(String login) {
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + web.port() + "/login");
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(login + "-pw1");
        browser.findElement(By.id("login-submit")).click();
    }

    /** The first visible match, once there is one. */
    WebElement waitFor(By by) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The text of the first visible match; on a timeout, a screenshot and the page in the failure. */
    String text(String css) {
        try {
            return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> waitFor(By.cssSelector(css)).getText());
        } catch (TimeoutException e) {
            Browser.screenshot(browser, "provider-desk-failure");
            throw new AssertionError("no visible " + css + " in " + browser.getPageSource(), e);
        }
    }

    @Override
    public void close() {
        browser.quit();
        web.close();
    }
}
