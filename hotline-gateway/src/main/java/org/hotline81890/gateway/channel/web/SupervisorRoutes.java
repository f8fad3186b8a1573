package org.hotline81890.gateway.channel.web;

import java.util.Map;

import io.vertx.ext.web.Router;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.people.PersonalDataViews;

/** {@code /supervisor}: for now the audit of who saw residents' data (the wallboard and 督办 come later). */
public final class SupervisorRoutes {
    private final PersonalDataViews views;
    private final Pages pages;
    private final Blocking blocking;

    public SupervisorRoutes(PersonalDataViews views, Pages pages, Blocking blocking) {
        this.views = views;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/supervisor").handler(ctx -> ctx.redirect("/supervisor/audit"));
        router.get("/supervisor/audit").handler(ctx -> blocking.run(() -> views.newest(200)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                pages.send(ctx, 200, "audit", Map.of("views", ar.result()));
            }
        }));
    }
}
