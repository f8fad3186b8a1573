package org.hotline81890.gateway.channel.http;

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
}
