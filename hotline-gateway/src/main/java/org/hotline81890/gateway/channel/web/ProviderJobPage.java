package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.dispatch.JobCompletion;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonalDataView;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.partners.ProviderId;

/** A provider desk's page of one job: the card, who completed it and its photo, and a department's audited view. */
final class ProviderJobPage {
    private final ProviderDeskRoutes.Desk desk;
    private final ProviderDesk reads;
    private final PersonalDataViews audit;
    private final JobCompletion completion;
    private final Pages pages;
    private final Blocking blocking;

    ProviderJobPage(ProviderDeskRoutes.Desk desk, ProviderDesk reads, PersonalDataViews audit,
                    JobCompletion completion, Pages pages, Blocking blocking) {
        this.desk = desk;
        this.reads = reads;
        this.audit = audit;
        this.completion = completion;
        this.pages = pages;
        this.blocking = blocking;
    }

    /**
     * One job in full. A department sees the resident's number and address for its own transfer, and the view is
     * recorded in {@code personal_data_view} before it is sent; partners and volunteers get the masked card.
     */
    void handle(RoutingContext ctx, ProviderId p, Map<String, Object> base) {
        Person me = AccessGate.person(ctx).person();
        String offerId = ctx.pathParam("offerId");
        blocking.run(() -> reads.mine(p, offerId).map(m -> {
            Map<String, Object> vars = new HashMap<>(base);
            vars.put("card", m.card());
            vars.put("ticket", m.order().ticket().grouped());
            vars.put("completions", completion.ofWorkOrder(m.order().id()).stream()
                    .filter(r -> r.offer().equals(m.offer().id())).toList());
            vars.put("photoBase", desk.base() + "/photos/");
            if (desk == ProviderDeskRoutes.Desk.DEPARTMENT) {
                audit.record(me, PersonalDataView.What.ORDER, Optional.of(Long.toString(m.order().id().value())),
                        Optional.of(m.order().callerNumber()));
                vars.put("fullNumber", m.order().callerNumber());
                vars.put("fullAddress", m.order().area().address().orElse(m.card().area()));
                vars.put("fullText", m.order().text());
            }
            return vars;
        })).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("没有这个派单");
            } else {
                pages.send(ctx, 200, "provider-job", ar.result().get());
            }
        });
    }
}
