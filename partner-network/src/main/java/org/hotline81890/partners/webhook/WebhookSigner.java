package org.hotline81890.partners.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs outbound webhooks and verifies them (partners can copy {@link #verify} to check ours).
 * <p>Headers on every webhook POST:
 * <ul>
 *   <li>{@value #TIMESTAMP_HEADER}: Unix seconds when it was signed;</li>
 *   <li>{@value #SIGNATURE_HEADER}: {@code v1=} + lowercase hex HMAC-SHA256, keyed with the provider's webhook
 *       secret (UTF-8), over the UTF-8 bytes of {@code timestamp + "." + body}; while a secret is being rotated,
 *       two such values separated by a comma (new, then old): a receiver accepts the webhook if any matches;</li>
 *   <li>{@value #IDEMPOTENCY_HEADER}: unique per event (e.g. {@code offer-id:offered}); the same on every retry,
 *       so the receiver can drop duplicates;</li>
 *   <li>{@value #EVENT_HEADER}: the event type, as in the body.</li>
 * </ul>
 * Receivers reject a timestamp further than the allowed skew from their clock (default 5 minutes) to stop replays.
 */
public final class WebhookSigner {
    public static final String SIGNATURE_HEADER = "X-Hotline-Signature";
    public static final String TIMESTAMP_HEADER = "X-Hotline-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String EVENT_HEADER = "X-Hotline-Event";
    public static final String VERSION_PREFIX = "v1=";
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The {@value #SIGNATURE_HEADER} value for this timestamp and body. */
    public String sign(long timestampSeconds, String body) {
        return VERSION_PREFIX + HexFormat.of().formatHex(mac(timestampSeconds + "." + body));
    }

    /** All headers for one delivery attempt, in a stable order. */
    public Map<String, String> headers(Instant now, String body, String idempotencyKey, String event) {
        long ts = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put(TIMESTAMP_HEADER, Long.toString(ts));
        headers.put(SIGNATURE_HEADER, sign(ts, body));
        headers.put(IDEMPOTENCY_HEADER, idempotencyKey);
        headers.put(EVENT_HEADER, event);
        return headers;
    }

    /** Checks a received webhook; header values may be absent. */
    public Verification verify(Optional<String> timestamp, Optional<String> signature, String body, Instant now,
            Duration maxSkew) {
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return new Verification.Missing(timestamp.isEmpty() ? TIMESTAMP_HEADER : SIGNATURE_HEADER);
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return new Verification.Malformed(TIMESTAMP_HEADER + " is not Unix seconds");
        }
        long skew = Math.abs(now.getEpochSecond() - ts);
        if (skew > maxSkew.toSeconds()) {
            return new Verification.Stale(Duration.ofSeconds(skew));
        }
        byte[] expected = sign(ts, body).getBytes(StandardCharsets.US_ASCII);
        boolean any = false;
        for (String one : signature.get().split(",")) {
            any |= MessageDigest.isEqual(expected, one.strip().getBytes(StandardCharsets.US_ASCII));
        }
        return any ? new Verification.Valid() : new Verification.BadSignature();
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The outcome of {@link #verify}. */
    public sealed interface Verification {
        record Valid() implements Verification {
        }

        record Missing(String header) implements Verification {
        }

        record Malformed(String detail) implements Verification {
        }

        record Stale(Duration skew) implements Verification {
        }

        record BadSignature() implements Verification {
        }
    }
}
