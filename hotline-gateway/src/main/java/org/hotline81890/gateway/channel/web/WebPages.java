package org.hotline81890.gateway.channel.web;

import java.util.function.Predicate;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.people.Sessions;
import org.hotline81890.gateway.people.SignIn;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * The people's pages and their static files: ours under /static, htmx from its WebJar under /webjars, and the npm
 * files of src/web-vendor (SIP.js, ECharts) under /vendor. The supervisor desk is mounted by the wiring's
 * SupervisorModule (it needs the partner network).
 */
public final class WebPages {
    private final Pages pages = new Pages();
    private final LoginRoutes login;
    private final AdminPeopleRoutes admin;
    private final AgentOrderRoutes agentOrders;
    private final HomeRoutes homes;
    private final AgentDeskRoutes desk;
    private final AgentTicketRoutes tickets;
    private final AgentCallRoutes calls;
    private final AgentCallbackRoutes callbacks;
    private final AgentSmsRoutes sms;
    private final AgentReplyRoutes replies;
    private final PhoneRoutes phone;

    public WebPages(SignIn signIn, Sessions sessions, People people, PersonalDataViews views, WorkOrderStore store,
                    AgentDeskParts deskParts, Vertx vertx, AccessGate gate, Blocking blocking,
                    HotlineConfig.Phone phone, Predicate<String> knownProvider) {
        this.login = new LoginRoutes(signIn, sessions, gate, pages, blocking);
        this.admin = new AdminPeopleRoutes(people, knownProvider, pages, blocking);
        this.agentOrders = new AgentOrderRoutes(store, views, pages, blocking);
        this.homes = new HomeRoutes(pages);
        TicketViews ticketViews = new TicketViews(deskParts.directory(), deskParts.matcher(), deskParts.areas(),
                deskParts.departments());
        ScreenPop pop = new ScreenPop(store, deskParts.profiles(), views, ticketViews);
        this.desk = new AgentDeskRoutes(vertx, deskParts.seat(), deskParts.wrapUpTime(), pop, pages,
                blocking);
        this.calls = new AgentCallRoutes(deskParts.calls(), pages, blocking);
        this.callbacks = new AgentCallbackRoutes(deskParts.callbacks(), deskParts.seat(), views, pages, blocking);
        this.sms = new AgentSmsRoutes(deskParts.sms(), deskParts.replies(), ticketViews, views, pages, blocking);
        this.replies = new AgentReplyRoutes(deskParts.replies(), views, pages, blocking);
        this.tickets = new AgentTicketRoutes(deskParts.tickets(), ticketViews, pages, blocking);
        this.phone = new PhoneRoutes(phone);
    }

    public void mount(Router router) {
        router.get("/static/*").handler(StaticHandler.create("web/static").setCachingEnabled(true));
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        router.get("/vendor/*").handler(StaticHandler.create("web/vendor").setCachingEnabled(true));
        login.mount(router);
        admin.mount(router);
        phone.mount(router);
        desk.mount(router);
        tickets.mount(router);
        calls.mount(router);
        callbacks.mount(router);
        replies.mount(router);
        sms.mount(router);
        agentOrders.mount(router);
        homes.mount(router);
    }

    public Pages pages() {
        return pages;
    }
}
