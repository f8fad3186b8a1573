package org.hotline81890.gateway.channel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.SecurityHeaders;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.people.Person;

/**
 * The browser phone's side of the agent desk: {@code GET /agent/phone} tells the desk's script where Asterisk's
 * SIP WebSocket is and which extension to register (the signed-in agent's), and the desk page's CSP lets it
 * connect there. The phone carries audio only; call handling stays with AMI (ARCHITECTURE.md).
 */
final class PhoneRoutes {
    private final HotlineConfig.Phone phone;

    PhoneRoutes(HotlineConfig.Phone phone) {
        this.phone = phone;
    }

    /** Mount before the desk's own {@code GET /agent}, which renders the page after this adds to its headers. */
    void mount(Router router) {
        if (!phone.wsUrl().isEmpty()) {
            String csp = SecurityHeaders.cspAlsoConnectingTo(phone.origin());
            router.get("/agent").handler(ctx -> {
                ctx.response().headers().set("Content-Security-Policy", csp);
                ctx.next();
            });
        }
        router.get("/agent/phone").handler(this::handleConfig);
    }

    private void handleConfig(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        JsonObject body = new JsonObject()
                .put("enabled", !phone.wsUrl().isEmpty() && me.extension().isPresent())
                .put("wsUrl", phone.wsUrl())
                .put("domain", phone.domain())
                .put("extension", me.extension().orElse(""))
                .put("displayName", me.name())
                .put("iceServers", new JsonArray(phone.iceServers().stream().map(u -> new JsonObject().put("urls", u))
                        .toList()));
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
