package org.hotline81890.gateway.channel.web;

import java.util.Map;

import io.vertx.ext.web.Router;

/**
 * The homes of the roles whose desks later issues build (partner, department, volunteer): who is logged in, and the
 * way out. The agent, supervisor and admin homes have their own routes.
 */
public final class HomeRoutes {
    private final Pages pages;

    public HomeRoutes(Pages pages) {
        this.pages = pages;
    }

    public void mount(Router router) {
        for (String home : new String[] {"/partner", "/department", "/volunteer"}) {
            router.get(home).handler(ctx -> pages.send(ctx, 200, "home", Map.of()));
        }
    }
}
