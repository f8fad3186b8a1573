package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium, as a person would: the first admin logs in with the password the first start gave, creates
 * an agent on the admin page, logs out; the agent logs in and lands on the agent desk; a wrong password shows one
 * message that names no field. No page breaks its own CSP (the console has no violation).
 */
class PeopleBrowserIT {
    @TempDir
    static Path dataDir;
    private static WebTestApp web;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        web = WebTestApp.start(dataDir, Map.of());
        browser = Browser.open(1366, 768);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        web.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    private void logIn(String login, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private void waitForPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(path));
    }

    @Test
    void adminCreatesAnAgentWhoThenLogsInToTheDesk() {
        browser.get(url("/agent"));
        waitForPath("/login?next=%2Fagent");
        Browser.screenshot(browser, "login");
        logIn("admin", "wrong-password");
        assertThat(browser.findElement(By.cssSelector(".error")).getText()).isEqualTo("用户名或密码不正确");

        logIn("admin", web.adminPassword());
        waitForPath("/admin");
        browser.findElement(By.id("new-login")).sendKeys("zhangwei");
        browser.findElement(By.id("new-name")).sendKeys("张伟");
        new Select(browser.findElement(By.id("new-role"))).selectByValue("agent");
        browser.findElement(By.id("new-extension")).sendKeys("1002");
        browser.findElement(By.id("new-password")).sendKeys("zhangwei-secret");
        browser.findElement(By.id("add-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("p.ok")));
        assertThat(browser.findElement(By.cssSelector("p.ok")).getText()).contains("已创建 zhangwei");
        assertThat(browser.findElement(By.cssSelector("tr[data-login=zhangwei]")).getText())
                .contains("张伟", "话务员", "1002", "正常");
        Browser.screenshot(browser, "admin-people");
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitForPath("/login");

        logIn("zhangwei", "zhangwei-secret");
        waitForPath("/agent");
        assertThat(browser.findElement(By.cssSelector(".topbar .who")).getText()).contains("张伟", "话务员");
        assertThat(Browser.console(browser)).noneMatch(line -> line.contains("Content Security Policy"));
    }
}
