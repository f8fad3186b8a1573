package org.hotline81890.gateway.channel.http;

import io.vertx.core.MultiMap;

/**
 * The headers every answer carries. The CSP allows no inline script or style: pages load their code from
 * {@code /static}, {@code /webjars} and {@code /vendor} only. Answers are {@code no-store} (they may carry residents'
 * data) except the static files, which are the same for everyone.
 */
public final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void apply(MultiMap headers, String path) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", CSP);
        if (path.startsWith("/static/") || path.startsWith("/webjars/") || path.startsWith("/vendor/")) {
            headers.set("Cache-Control", "public, max-age=3600");
        } else {
            headers.set("Cache-Control", "no-store");
        }
    }
}
