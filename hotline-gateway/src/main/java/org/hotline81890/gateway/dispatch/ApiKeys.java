package org.hotline81890.gateway.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hotline81890.partners.ProviderId;

/** Partner-API keys: random ones for production, derived ones for the demo (dev only), stored as SHA-256 hashes. */
public final class ApiKeys {
    public static final int PREFIX_LENGTH = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A fresh key: {@code pk_} and 32 random hex digits (128 bits). */
    public static String random() {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        return "pk_" + HexFormat.of().formatHex(raw);
    }

    /** The part of a key shown on pages and named on the command line: {@code pk_} and its first 8 hex digits. */
    public static String prefix(String key) {
        return key.substring(0, Math.min(key.length(), PREFIX_LENGTH));
    }

    /** DEV ONLY: {@code pk_} + the first 32 hex digits of HMAC-SHA256(key = seed, message = provider id). */
    public static String derive(String seed, ProviderId provider) {
        if (seed.isEmpty()) {
            throw new IllegalArgumentException("no dev key seed configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] out = mac.doFinal(provider.value().getBytes(StandardCharsets.UTF_8));
            return "pk_" + HexFormat.of().formatHex(out).substring(0, 32);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** What the database keeps: SHA-256 of the key, lowercase hex (keys are random, so no salt is needed). */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
