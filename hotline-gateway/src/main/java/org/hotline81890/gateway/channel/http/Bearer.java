package org.hotline81890.gateway.channel.http;

import java.util.Optional;

import io.vertx.ext.web.RoutingContext;

/** The credential of an {@code Authorization: Bearer …} header; the scheme name is case-insensitive (RFC 7235). */
public final class Bearer {
    private static final String SCHEME = "bearer";

    private Bearer() {
    }

    public static Optional<String> of(RoutingContext ctx) {
        return of(ctx.request().getHeader("Authorization"));
    }

    static Optional<String> of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() <= SCHEME.length() || !h.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !Character.isWhitespace(h.charAt(SCHEME.length()))) {
            return Optional.empty();
        }
        String credential = h.substring(SCHEME.length()).strip();
        return credential.isEmpty() ? Optional.empty() : Optional.of(credential);
    }
}
