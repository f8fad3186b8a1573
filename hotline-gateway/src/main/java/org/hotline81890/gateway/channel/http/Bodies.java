package org.hotline81890.gateway.channel.http;

import java.util.Locale;
import java.util.function.Predicate;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The router's first handler: it holds every request's body unread (paused) until a route that takes a body reads it
 * ({@link FormBody}, {@link JsonBody}), so the access gate and a route's own checks may run asynchronously before
 * the body without losing its first bytes. Whatever no route read is discarded once the answer is sent. It also
 * carries the configured {@code http.max-body} to the readers.
 */
final class Bodies {
    private static final String LIMIT = "hotline.max-body";
    static final int DEFAULT_LIMIT = 64 * 1024;

    private Bodies() {
    }

    static void hold(RoutingContext ctx, int maxBytes) {
        ctx.put(LIMIT, maxBytes);
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.pause();
            ctx.addEndHandler(done -> {
                if (!request.isEnded()) {
                    request.resume();
                }
            });
        }
        ctx.next();
    }

    /** The body limit of this request ({@code http.max-body}). */
    static int limit(RoutingContext ctx) {
        Integer limit = ctx.get(LIMIT);
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** True when the declared Content-Length is over {@code maxBytes}. */
    static boolean declaredTooLong(HttpServerRequest request, int maxBytes) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Whether a Content-Type names a media type {@code accepts} takes, in UTF-8: no charset parameter, or
     * {@code charset=utf-8} (any case, quoted or not). Any other charset is refused.
     */
    static boolean isUtf8Of(String contentType, Predicate<String> accepts) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!accepts.test(parts[0].strip())) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").strip().equals("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
