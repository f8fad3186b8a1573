package org.hotline81890.gateway.channel.http;

import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.config.HotlineConfig.MetricsAccess;

/** Who may read {@code /metrics} ({@code http.metrics}): anyone, admin-token holders, or loopback clients only. */
final class MetricsGate {
    private MetricsGate() {
    }

    static Handler<RoutingContext> of(MetricsAccess access, AdminToken token) {
        return switch (access) {
            case PUBLIC -> RoutingContext::next;
            case TOKEN -> token::check;
            case LOOPBACK -> ctx -> {
                if (isLoopback(ctx.request().remoteAddress())) {
                    ctx.next();
                } else {
                    ctx.response().setStatusCode(403).end();
                }
            };
        };
    }

    static boolean isLoopback(SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        String host = remote.hostAddress();
        return host.startsWith("127.") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }
}
