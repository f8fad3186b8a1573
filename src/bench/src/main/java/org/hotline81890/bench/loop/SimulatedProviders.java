package org.hotline81890.bench.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Partner webhook endpoints on one loopback HTTP server ({@code /hook/<provider>}): records when each offer's
 * webhook first arrived, answers 200, then accepts the offer through the partner API like a real provider.
 */
final class SimulatedProviders implements AutoCloseable {
    private static final Pattern OFFER_ID = Pattern.compile("\"offerId\":\"([0-9]+)\"");
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    // HTTP/1.1: the JDK client over h2c fails requests beyond the server's 100 concurrent streams instead of queueing.
    private final HttpClient http = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, Long> firstArrivalNanos = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<String, String> keys;
    private final IntSupplier gatewayPort;

    SimulatedProviders(Map<String, String> keys, IntSupplier gatewayPort) {
        this.keys = keys;
        this.gatewayPort = gatewayPort;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String urlOf(String provider) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + provider;
    }

    Map<String, Long> firstArrivalNanos() {
        return Map.copyOf(firstArrivalNanos);
    }

    int duplicates() {
        return duplicates.get();
    }

    int accepted() {
        return accepted.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String provider = exchange.getRequestURI().getPath().substring("/hook/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
        Matcher m = OFFER_ID.matcher(body);
        if (!m.find()) {
            return;
        }
        String offer = m.group(1);
        if (firstArrivalNanos.putIfAbsent(offer, now) != null) {
            duplicates.incrementAndGet();
            return;
        }
        accept(provider, offer);
    }

    private void accept(String provider, String offer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort.getAsInt()
                        + "/api/partner/offers/" + offer + "/accept"))
                .header("Authorization", "Bearer " + keys.get(provider))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
            if (r.statusCode() == 200) {
                accepted.incrementAndGet();
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
    }
}
