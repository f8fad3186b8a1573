package org.hotline81890.gateway.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.hotline81890.partners.webhook.WebhookSigner;

/**
 * Partners' webhook endpoints on one loopback HTTP server ({@code /hook/<provider id>}): verifies each signature,
 * records every request, and answers 500 when the test's {@code fail} rule says so (the hotline must retry).
 */
final class FakePartners implements AutoCloseable {
    /** One webhook request as received, with what the fake answered. */
    record Received(String provider, String idempotencyKey, String event, String body, boolean signatureValid,
                    int status) {
    }

    private final HttpServer server;
    private final Map<String, String> secrets;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final BiPredicate<String, Integer> fail;

    /** {@code fail.test(idempotencyKey, attemptNumber)}: answer 500 to that attempt. */
    FakePartners(Map<String, String> secrets, BiPredicate<String, Integer> fail) {
        this.secrets = Map.copyOf(secrets);
        this.fail = fail;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The webhook secrets of the partner ITs' providers: {@code secret-<id>-0123456789}. */
    static Map<String, String> secretsFor(List<String> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> "secret-" + id + "-0123456789"));
    }

    String secretOf(String provider) {
        return secrets.get(provider);
    }

    String urlOf(String provider) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + provider;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> delivered() {
        return received.stream().filter(r -> r.status() == 200).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String provider = exchange.getRequestURI().getPath().substring("/hook/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = Optional.ofNullable(exchange.getRequestHeaders().getFirst(WebhookSigner.IDEMPOTENCY_HEADER))
                .orElse("");
        boolean valid = secrets.containsKey(provider) && new WebhookSigner(secrets.get(provider)).verify(
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER)),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER)),
                body, Instant.now(), WebhookSigner.DEFAULT_MAX_SKEW) instanceof WebhookSigner.Verification.Valid;
        int attempt = attempts.merge(key, 1, Integer::sum);
        int status = !valid ? 401 : fail.test(key, attempt) ? 500 : 200;
        received.add(new Received(provider, key, exchange.getRequestHeaders().getFirst(WebhookSigner.EVENT_HEADER),
                body, valid, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
