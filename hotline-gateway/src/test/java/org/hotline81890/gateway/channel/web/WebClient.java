package org.hotline81890.gateway.channel.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for page tests: keeps cookies, logs in through the form, finds CSRF tokens. */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf = "";
    private String loginCsrf = "";

    public WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** POST with the session's CSRF token in the form, as the pages send it. */
    public HttpResponse<String> postWithCsrf(String path, Map<String, String> form) {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("_csrf", csrf);
        return post(path, f);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(java.time.Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    public HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            r.headers().allValues("Set-Cookie").forEach(this::keep);
            remember(r.body());
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends and returns the status, headers and body, except for an event stream (an open desk's SSE), whose body
     * never ends: it is closed once its headers arrived and the body is left empty.
     */
    public HttpResponse<String> sendOnce(HttpRequest.Builder b) {
        try {
            HttpResponse<java.io.InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            boolean stream = r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            String body;
            try (java.io.InputStream in = r.body()) {
                body = stream ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            r.headers().allValues("Set-Cookie").forEach(this::keep);
            remember(body);
            return new Answer(r, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response whose body was read (or dropped) by {@link #sendOnce}. */
    private record Answer(HttpResponse<java.io.InputStream> r, String body) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return r.statusCode();
        }

        @Override
        public HttpRequest request() {
            return r.request();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return r.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return r.sslSession();
        }

        @Override
        public URI uri() {
            return r.uri();
        }

        @Override
        public HttpClient.Version version() {
            return r.version();
        }
    }

    private void remember(String body) {
        if (body.contains("action=\"/login\"")) {
            csrfIn(body).ifPresent(t -> loginCsrf = t);
        } else {
            csrfIn(body).ifPresent(t -> csrf = t);
        }
    }

    /** Logs in through the page; returns the answer to the POST (302 to the home on success). */
    public HttpResponse<String> login(String login, String password) {
        get("/login");
        return post("/login", Map.of("username", login, "password", password, "_csrf", loginCsrf));
    }

    /** Logs in and loads the home page, so the session's CSRF token is known. */
    public WebClient loggedIn(String login, String password) {
        HttpResponse<String> r = login(login, password);
        if (r.statusCode() != 302) {
            throw new IllegalStateException("login of " + login + " answered " + r.statusCode());
        }
        // A home may redirect once more (/supervisor -> /supervisor/audit): follow until a page with the token.
        String location = r.headers().firstValue("Location").orElseThrow();
        for (int hop = 0; hop < 3 && location != null; hop++) {
            HttpResponse<String> page = get(location);
            location = page.statusCode() == 302 ? page.headers().firstValue("Location").orElse(null) : null;
        }
        return this;
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    static Optional<String> csrfIn(String body) {
        Matcher m = CSRF.matcher(body == null ? "" : body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public String csrf() {
        return csrf;
    }

    public String loginCsrf() {
        return loginCsrf;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
