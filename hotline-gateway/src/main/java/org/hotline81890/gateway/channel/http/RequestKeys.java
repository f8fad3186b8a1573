package org.hotline81890.gateway.channel.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.PhoneNumbers;

/**
 * The stored idempotency key of an HTTP request (ADR 0011): {@code http:<credential>:<sha256(header)>} scopes the
 * client's Idempotency-Key to the credential that sent it, and {@code .<sha256(request)>} after it tells a retry
 * (same request: the same order again) from a reuse of the key for another request (422, as the IETF
 * idempotency-key draft and Stripe answer). The request's fingerprint is its meaning, not its bytes: key order and
 * white space in the JSON do not matter.
 */
public final class RequestKeys {
    private RequestKeys() {
    }

    /** What every order created with this header by this credential has its key start with. */
    public static String scope(String credential, String header) {
        return "http:" + credential + ":" + sha256(header);
    }

    static String full(String credential, String header, IntakeRequest r) {
        return scope(credential, header) + "." + sha256(String.join("\u0000", r.channel().wire(),
                PhoneNumbers.normalise(r.callerNumber()),
                r.text(), r.requestType().map(Enum::name).orElse(""), r.serviceCode().orElse(""),
                r.priority().map(Enum::name).orElse(""), r.area().toString()));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
