package org.hotline81890.bench.desk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One agent's open desk: logged in like a browser (CSRF cookie, form), holding {@code /agent/events} open. */
final class DeskClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http;
    private final String base;
    private final BlockingQueue<Long> pops = new LinkedBlockingQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private String session = "";

    DeskClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    void logIn(String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on /login");
        }
        String body = "username=" + enc(login) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hotline_session="))
                .map(c -> c.split(";")[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("log-in of " + login + " failed: " + r.statusCode()));
    }

    /** Opens the event stream on a virtual thread; every {@code event: pop} is timed on arrival. */
    void open() {
        Thread.ofVirtual().name("desk-sse").start(() -> {
            try {
                HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(base + "/agent/events"))
                        .header("Cookie", session).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofLines());
                r.body().forEach(line -> {
                    if (line.startsWith(": desk")) {
                        connected.countDown();
                    } else if (line.equals("event: pop")) {
                        pops.add(System.nanoTime());
                    }
                });
            } catch (IOException e) {
                System.err.println("desk stream ended: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    boolean awaitConnected(Duration d) throws InterruptedException {
        return connected.await(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The arrival time of the next pop, or -1 after the timeout. */
    long nextPop(Duration timeout) throws InterruptedException {
        Long t = pops.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return t == null ? -1 : t;
    }

    /** A GET with this desk's session; the whole body read. */
    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
