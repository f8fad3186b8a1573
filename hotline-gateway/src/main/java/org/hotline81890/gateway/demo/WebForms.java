package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.vertx.core.json.JsonObject;

/** Residents who write in on the web or the app: {@code POST /api/admin/work-orders}, channel web, with their area. */
final class WebForms implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final String token;
    private final Ledger ledger;

    WebForms(String api, String token, Ledger ledger) {
        this.api = api;
        this.token = token;
        this.ledger = ledger;
    }

    void submit(String key, String number, String text, Areas.Place place) {
        JsonObject body = new JsonObject().put("callerNumber", number).put("text", text).put("channel", "web")
                .put("area", new JsonObject().put("district", place.district()).put("street", place.street())
                        .put("community", place.community()).put("address", place.address()));
        HttpRequest req = HttpRequest.newBuilder(URI.create(api + "/api/admin/work-orders"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 == 2) {
                ledger.ticket(new JsonObject(res.body()).getString("ticket"), "web");
            } else {
                ledger.count("web." + res.statusCode());
            }
        } catch (IOException e) {
            ledger.count("web.error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
