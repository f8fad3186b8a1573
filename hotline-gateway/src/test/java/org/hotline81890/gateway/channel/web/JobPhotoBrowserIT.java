package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Completion photos and who completed a job (issue 14), in headless Chromium at phone size (390x844): a partner
 * attaches a photo with the file input on 完成, sees the desk's answer, and the photo is stored under a random name
 * in the data dir and shown to the partner, an agent and a supervisor with its type and no-store, never to another
 * partner. A photo too large or not an image is refused naming the field, with no file and no row left behind.
 * Volunteers of one team each get their own hours.
 */
class JobPhotoBrowserIT {
    private static final Duration WAIT = ProviderDeskPages.WAIT;
    private static final int PHOTO_MAX = 64 * 1024;
    private static final Pattern STORED = Pattern.compile("[0-9a-f]{32}\\.png");
    @TempDir
    static Path dataDir;
    @TempDir
    static Path files;
    private static ProviderDeskPages desk;
    private static WebTestApp web;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        desk = ProviderDeskPages.start(dataDir, Map.of("HOTLINE_WEB_PHOTO_MAX", Integer.toString(PHOTO_MAX)));
        web = desk.web;
        browser = desk.browser;
        desk.onboard("P-PHOTO1", "PARTNER_COMPANY", "宁波拍照家政", "HK-01", "photo1-staff");
        desk.onboard("P-PHOTO2", "PARTNER_COMPANY", "宁波别家家政", "HK-02", "photo2-staff");
        desk.onboard("V-TEAM", "VOLUNTEER_TEAM", "孝闻红帽子志愿队", "EC-10", "vol-a", "vol-b");
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    private static WorkOrder order(String service, String text) {
        return desk.order(service, text, "中山西路9号");
    }

    /** A real PNG of the given size in pixels (noise, so it does not compress to nothing). */
    private static byte[] png(int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, side, side);
        g.dispose();
        java.util.Random noise = new java.util.Random(side);
        for (int y = 0; y < side; y += 2) {
            for (int x = 0; x < side; x += 2) {
                img.setRGB(x, y, noise.nextInt(0xffffff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void act(String css, java.util.function.Consumer<WebElement> action) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            action.accept(d.findElements(By.cssSelector(css)).stream().findFirst().orElseThrow(
                    () -> new StaleElementReferenceException("not yet: " + css)));
            return true;
        });
    }

    private static void messageSays(String words) {
        try {
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("desk-message")).getText().contains(words));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "desk-message-failure");
            throw new AssertionError("the desk's message never said " + words + ": '"
                    + browser.findElement(By.id("desk-message")).getText() + "'", e);
        }
    }

    private static String offerOnBoard() {
        desk.waitFor(By.cssSelector("#board[data-live='true']"));
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> desk.waitFor(By.cssSelector("article.offer")).getAttribute("data-offer"));
    }

    @Test
    void aPartnerAttachesAPhotoOnAPhoneAndTheHotlineSeesIt() throws IOException {
        List<String> before = photos();
        WorkOrder w = order("HK-01", "油烟机需要清洗");
        desk.logIn("photo1-staff");
        String offerId = offerOnBoard();
        act("article.offer[data-offer='" + offerId + "'] button.accept", WebElement::click);
        messageSays("已接单");
        String job = "article.mine[data-job='" + offerId + "']";
        byte[] photo = png(40);
        Path chosen = files.resolve("我的照片 resident-home.png");
        Files.write(chosen, photo);
        act(job + " textarea.note", e -> e.sendKeys("已清洗干净"));
        act(job + " input.photo-input", e -> e.sendKeys(chosen.toAbsolutePath().toString()));
        Browser.screenshot(browser, "partner-desk-photo-chosen");
        act(job + " button.complete-submit", WebElement::click);
        messageSays("已办结");
        assertThat(desk.text("#desk-message")).contains("照片已上传");
        Eventually.waitFor("completed", WAIT, () -> web.app().core().store().find(w.id()).orElseThrow().state()
                .name().equals("COMPLETED"));

        List<String> stored = photos().stream().filter(f -> !before.contains(f)).toList();
        assertThat(stored).as("one file under a random name, not the client's").hasSize(1);
        assertThat(stored.getFirst()).matches(STORED);
        assertThat(Files.readAllBytes(dataDir.resolve("photos").resolve(stored.getFirst()))).isEqualTo(photo);
        assertThat(completionRows()).contains(offerId + " photo1-staff " + stored.getFirst());

        browser.get("http://127.0.0.1:" + web.port() + "/partner/offers/" + offerId);
        WebElement img = desk.waitFor(By.cssSelector("img.completion-photo"));
        assertThat(img.getAttribute("src")).endsWith("/partner/photos/" + stored.getFirst());
        new WebDriverWait(browser, WAIT).until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].naturalWidth", img)).intValue() == 40);
        assertThat(desk.text("#completion")).contains("photo1-staff同志");
        Browser.screenshot(browser, "partner-desk-photo");

        WebClient mine = new WebClient(web.port()).loggedIn("photo1-staff", "photo1-staff-pw1");
        HttpResponse<byte[]> served = bytes(mine, "/partner/photos/" + stored.getFirst());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(served.body()).isEqualTo(photo);
        WebClient other = new WebClient(web.port()).loggedIn("photo2-staff", "photo2-staff-pw1");
        assertThat(bytes(other, "/partner/photos/" + stored.getFirst()).statusCode()).as("another partner")
                .isEqualTo(404);
        assertThat(other.get("/partner/offers/" + offerId).statusCode()).isEqualTo(404);
        assertThat(bytes(mine, "/partner/photos/..%2Fadmin-token").statusCode()).isEqualTo(404);

        for (Role staff : List.of(Role.AGENT, Role.SUPERVISOR)) {
            WebClient s = web.as(staff);
            String base = staff == Role.AGENT ? "/agent" : "/supervisor";
            String fragment = s.get(base + "/orders/" + w.ticket().value() + "/completion").body();
            assertThat(fragment).as(staff + " sees the photo on the order")
                    .contains(base + "/photos/" + stored.getFirst()).contains("photo1-staff同志");
            assertThat(s.get(base + "/orders/" + w.ticket().value()).body()).contains("/completion");
            HttpResponse<byte[]> seen = bytes(s, base + "/photos/" + stored.getFirst());
            assertThat(seen.statusCode()).isEqualTo(200);
            assertThat(seen.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(seen.body()).isEqualTo(photo);
        }
        assertThat(bytes(web.as(Role.VOLUNTEER), "/agent/photos/" + stored.getFirst()).statusCode())
                .as("a volunteer is no agent").isIn(403, 404);
        assertThat(Browser.console(browser)).noneMatch(line -> line.contains("Content Security Policy"));
    }

    @Test
    void aPhotoTooLargeOrNotAnImageIsRefusedByFieldAndLeavesNothingBehind() throws IOException {
        WorkOrder w = order("HK-01", "需要钟点工");
        WebClient me = new WebClient(web.port()).loggedIn("photo1-staff", "photo1-staff-pw1");
        String offerId = Eventually.waitForValue("an offer", WAIT, () -> java.util.Optional.ofNullable(
                ProviderDeskPages.firstOffer(me.get("/partner/board").body())));
        assertThat(me.postWithCsrf("/partner/offers/" + offerId + "/accept", Map.of()).statusCode()).isEqualTo(200);
        List<String> before = photos();
        int rowsBefore = completionRows().size();

        HttpResponse<String> large = multipart(me, offerId, "太大了", "big.png", png(400));
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("photo：").contains("id=\"board\"");
        HttpResponse<String> text = multipart(me, offerId, "不是图片", "photo.png",
                "this is not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("photo：");
        HttpResponse<String> tooLongNote = multipart(me, offerId, "好".repeat(DeskAnswers.NOTE_MAX + 1), "ok.png",
                png(20));
        assertThat(tooLongNote.statusCode()).isEqualTo(400);
        assertThat(tooLongNote.body()).contains("note：");

        assertThat(photos()).as("no file left by a refusal").isEqualTo(before);
        assertThat(completionRows()).as("no row either").hasSize(rowsBefore);
        assertThat(web.app().core().store().find(w.id()).orElseThrow().state().name()).isEqualTo("ACCEPTED");
        assertThat(me.get("/partner/board").body()).as("still in hand").contains("data-job=\"" + offerId + "\"");

        HttpResponse<String> done = multipart(me, offerId, "好了", "ok.png", png(20));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(photos()).hasSize(before.size() + 1);
        HttpResponse<String> again = multipart(me, offerId, "再传一张", "again.png", png(21));
        assertThat(again.statusCode()).as("a repeated completion changes nothing").isEqualTo(200);
        assertThat(photos()).as("and keeps no second photo").hasSize(before.size() + 1);
    }

    @Test
    void volunteersOfOneTeamEachGetTheirOwnHours() {
        WorkOrder first = order("EC-10", "独居老人需要探访");
        desk.logIn("vol-a");
        String a = offerOnBoard();
        act("article.offer[data-offer='" + a + "'] button.accept", WebElement::click);
        act("article.mine[data-job='" + a + "'] button.start", WebElement::click);
        desk.waitFor(By.cssSelector("article.mine[data-state='STARTED']"));
        act("article.mine[data-job='" + a + "'] button.complete-submit", WebElement::click);
        messageSays("已办结");
        Eventually.waitFor("completed", WAIT, () -> web.app().core().store().find(first.id()).orElseThrow().state()
                .name().equals("COMPLETED"));

        WorkOrder second = order("EC-10", "帮忙买菜");
        desk.logIn("vol-b");
        String b = offerOnBoard();
        act("article.offer[data-offer='" + b + "'] button.accept", WebElement::click);
        act("article.mine[data-job='" + b + "'] button.complete-submit", WebElement::click);
        messageSays("已办结");
        Eventually.waitFor("completed", WAIT, () -> web.app().core().store().find(second.id()).orElseThrow()
                .state().name().equals("COMPLETED"));
        browser.navigate().refresh();
        assertThat(desk.text("#hours-total")).isNotEmpty();
        assertThat(desk.text("#volunteer-hours")).contains("已完成 2 次服务");
        assertThat(desk.text("#my-hours")).endsWith("小时");
        assertThat(desk.text("#volunteer-hours")).contains("（1 次服务）");
        assertThat(desk.text("#hours-by-person tr[data-login='vol-a']")).startsWith("vol-a同志 1");
        assertThat(desk.text("#hours-by-person tr[data-login='vol-b']")).startsWith("vol-b同志 1");
    }

    private static HttpResponse<String> multipart(WebClient c, String offerId, String note, String fileName,
                                                  byte[] photo) {
        String boundary = "----hotlineTest" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return c.send(c.request("/partner/offers/" + offerId + "/complete")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-Token", c.csrf()).header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpResponse<byte[]> bytes(WebClient c, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(c.request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> photos() throws IOException {
        Path dir = dataDir.resolve("photos");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> completionRows() {
        return web.db().database().transactions().read(c -> {
            try (var ps = c.prepareStatement("SELECT offer_id, person_login, photo_file FROM job_completion "
                    + "WHERE provider_id = 'P-PHOTO1' ORDER BY completed_at")) {
                try (var rs = ps.executeQuery()) {
                    List<String> rows = new java.util.ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                    }
                    return rows;
                }
            }
        });
    }
}
