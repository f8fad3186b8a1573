package org.hotline81890.partners;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Where a provider's webhooks go and the shared secret that signs them (never logged). */
public record WebhookEndpoint(URI url, String secret) {
    public static final int MIN_SECRET_LENGTH = 16;

    public WebhookEndpoint {
        Objects.requireNonNull(url, "webhook url");
        Objects.requireNonNull(secret, "webhook secret");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook url must be http(s)://host/..., got '" + url + "'");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "webhook secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[url=" + url + ", secret=***]";
    }
}
