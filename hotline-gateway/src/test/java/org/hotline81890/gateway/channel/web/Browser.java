package org.hotline81890.gateway.channel.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from Debian driven by Debian's chromedriver: nothing is downloaded at test time (Selenium Manager
 * is never asked, since both paths are given). Desk size 1366x768 unless told otherwise.
 */
public final class Browser {
    public static final String DRIVER = "/usr/bin/chromedriver";
    public static final String CHROMIUM = "/usr/bin/chromium";

    private Browser() {
    }

    public static ChromeDriver open(int width, int height, String... extraFlags) {
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--lang=zh-CN",
                "--window-size=" + width + "," + height);
        o.addArguments(extraFlags);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, o);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** The browser's console lines so far (a CSP violation shows up here). */
    public static List<String> console(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Saves a PNG under target/screenshots (for people to look at; two are committed under docs/screenshots). */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
