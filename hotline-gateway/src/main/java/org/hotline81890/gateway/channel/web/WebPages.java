package org.hotline81890.gateway.channel.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.people.Sessions;
import org.hotline81890.gateway.people.SignIn;
import org.hotline81890.gateway.voice.AgentSeat;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * The people's pages and their static files: ours under /static, htmx from its WebJar under /webjars, and the npm
 * files of src/web-vendor (SIP.js, ECharts) under /vendor.
 */
public final class WebPages {
    private final Pages pages = new Pages();
    private final LoginRoutes login;
    private final AdminPeopleRoutes admin;
    private final SupervisorRoutes supervisor;
    private final AgentOrderRoutes agentOrders;
    private final HomeRoutes homes;
    private final AgentDeskRoutes desk;

    public WebPages(SignIn signIn, Sessions sessions, People people, PersonalDataViews views, WorkOrderStore store,
                    AgentSeat seat, Vertx vertx, AccessGate gate, Blocking blocking) {
        this.login = new LoginRoutes(signIn, sessions, gate, pages, blocking);
        this.admin = new AdminPeopleRoutes(people, pages, blocking);
        this.supervisor = new SupervisorRoutes(views, pages, blocking);
        this.agentOrders = new AgentOrderRoutes(store, views, pages, blocking);
        this.homes = new HomeRoutes(pages);
        this.desk = new AgentDeskRoutes(vertx, seat, new ScreenPop(store, views), pages, blocking);
    }

    public void mount(Router router) {
        router.get("/static/*").handler(StaticHandler.create("web/static").setCachingEnabled(true));
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        router.get("/vendor/*").handler(StaticHandler.create("web/vendor").setCachingEnabled(true));
        login.mount(router);
        admin.mount(router);
        supervisor.mount(router);
        desk.mount(router);
        agentOrders.mount(router);
        homes.mount(router);
    }

    public Pages pages() {
        return pages;
    }
}
