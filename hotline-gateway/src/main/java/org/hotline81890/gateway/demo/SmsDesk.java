package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.RequestType;

/**
 * The simulated agent at the desk's SMS inbox (短信待处理): signs in as an agent and works the texts the matcher could
 * not place through the desk's own pages, as a person at {@code /agent} does: the inbox ({@code GET /agent/sms}), one
 * text ({@code GET /agent/sms/:ticket}), then the ticket form ({@code POST /agent/orders/:ticket/ticket}: dispatched,
 * or answered at first contact for a consultation) with the service the resident meant, or, for a text that asks
 * for nothing the directory serves, an SMS answer ({@code POST /agent/sms/:ticket/reply}). Residents' replies held
 * for an agent come first, as the inbox lists them ({@code GET /agent/sms/replies/:id}): a new request sent while an
 * earlier order awaited its survey becomes a new request ({@code new-request}); anything else is filed with a note
 * ({@code dismiss}). The agent knows what a resident meant as a person reading the text would; the demo knows it
 * from the example the resident sent.
 */
final class SmsDesk implements AutoCloseable {
    static final String REPLY = "您好，短信已收到。如需服务，请说明具体诉求和地址，或致电81890。";
    static final String FILED = "已阅，与工单办理无关，无需处理";
    private static final int BATCH = 30;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String login;
    private final String password;
    private final Ledger ledger;
    private final Map<String, LabelledExample> meant = new ConcurrentHashMap<>();
    private volatile boolean signedIn;

    SmsDesk(String base, String login, String password, Ledger ledger) {
        this.base = base;
        this.login = login;
        this.password = password;
        this.ledger = ledger;
    }

    /** A resident texted {@code text} meaning {@code example}. */
    void texted(String text, LabelledExample example) {
        meant.put(text.strip(), example);
    }

    /** One look at the inbox: every text shown is handled; returns how many were. */
    int round() {
        try {
            if (!signedIn) {
                signIn();
            }
            String inbox = get("/agent/sms");
            List<Long> replies = SmsDeskPages.replies(inbox);
            List<String> tickets = SmsDeskPages.tickets(inbox);
            int done = 0;
            for (long id : replies.subList(0, Math.min(BATCH, replies.size()))) {
                done += decide(id) ? 1 : 0;
            }
            for (String t : tickets.subList(0, Math.min(Math.max(0, BATCH - done), tickets.size()))) {
                done += handle(t) ? 1 : 0;
            }
            return done;
        } catch (IOException e) {
            ledger.count("desk.error");
            signedIn = false;
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private boolean handle(String ticket) throws IOException, InterruptedException {
        SmsDeskPages.Item item = SmsDeskPages.item(get("/agent/sms/" + ticket));
        Optional<LabelledExample> example = Optional.ofNullable(meant.get(item.text().strip()))
                .filter(e -> e.serviceCode().isPresent());
        HttpResponse<String> res;
        String what;
        if (example.isEmpty()) {
            what = "reply";
            res = post("/agent/sms/" + ticket + "/reply", item.csrf(), Map.of("reply", REPLY));
        } else {
            RequestType type = example.get().type() == RequestType.REPORT ? RequestType.COMPLAINT
                    : example.get().type();
            what = type == RequestType.CONSULTATION ? "answer" : "dispatch";
            Map<String, String> form = new LinkedHashMap<>(item.area());
            form.put("text", item.text());
            form.put("requestType", type.english());
            form.put("serviceCode", example.get().serviceCode().orElseThrow());
            form.put("matcherFirst", item.matcherFirst());
            form.put("action", what);
            res = post("/agent/orders/" + ticket + "/ticket", item.csrf(), form);
        }
        ledger.count("desk." + what + (res.statusCode() == 200 ? "" : "." + res.statusCode() + " "
                + SmsDeskPages.refusal(res.body())));
        return res.statusCode() == 200;
    }

    /** A resident's held reply: their new request becomes one; anything else is filed with a note. */
    private boolean decide(long id) throws IOException, InterruptedException {
        String path = "/agent/sms/replies/" + id;
        SmsDeskPages.Item reply = SmsDeskPages.reply(get(path));
        boolean request = meant.containsKey(reply.text().strip());
        HttpResponse<String> res = request ? post(path + "/new-request", reply.csrf(), Map.of("_csrf", reply.csrf()))
                : post(path + "/dismiss", reply.csrf(), Map.of("_csrf", reply.csrf(), "note", FILED));
        ledger.count("desk.held." + (request ? "new-request" : "dismiss") + (res.statusCode() == 200 ? ""
                : "." + res.statusCode() + " " + SmsDeskPages.refusal(res.body())));
        return res.statusCode() == 200;
    }

    private void signIn() throws IOException, InterruptedException {
        String page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body();
        String csrf = SmsDeskPages.value(page, "_csrf").orElseThrow(() -> new IOException("no login form"));
        HttpResponse<String> res = send(form(URI.create(base + "/login"), Map.of("username", login,
                "password", password, "_csrf", csrf)));
        if (!res.uri().getPath().startsWith("/agent")) {
            throw new IOException("the demo's SMS agent could not sign in: " + res.statusCode());
        }
        signedIn = true;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                .GET());
        if (res.statusCode() != 200) {
            throw new IOException(path + " answered " + res.statusCode());
        }
        return res.body();
    }

    private HttpResponse<String> post(String path, String csrf, Map<String, String> fields)
            throws IOException, InterruptedException {
        return send(form(URI.create(base + path), fields).header("HX-Request", "true").header("X-CSRF-Token", csrf));
    }

    private static HttpRequest.Builder form(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder req) throws IOException, InterruptedException {
        return http.send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
