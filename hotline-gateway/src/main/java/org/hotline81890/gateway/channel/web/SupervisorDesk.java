package org.hotline81890.gateway.channel.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Service;
import org.hotline81890.gateway.dispatch.JobFacts;
import org.hotline81890.gateway.dispatch.ProviderCache;
import org.hotline81890.gateway.dispatch.Reassignment;
import org.hotline81890.gateway.supervision.Supervision;
import org.hotline81890.gateway.supervision.EscalationReason;
import org.hotline81890.gateway.supervision.SupervisionList;
import org.hotline81890.gateway.supervision.SupervisionNotices;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.store.OfferStore;

/**
 * What the supervisor's pages show, read from the core's ports (blocking: call on a virtual thread), and the use
 * cases their forms call. The resident's number is shown masked: the 督办 desk needs the case, not the person.
 */
public final class SupervisorDesk {
    private static final int LIST_LIMIT = 200;
    private final WorkOrderStore store;
    private final SupervisionList list;
    private final OfferStore offers;
    private final ProviderCache providers;
    private final SupervisionNotices notices;
    private final Directory directory;
    private final Reassignment reassignment;
    private final Supervision supervision;

    public SupervisorDesk(WorkOrderStore store, SupervisionList list, OfferStore offers, ProviderCache providers,
                          SupervisionNotices notices, Directory directory, Reassignment reassignment,
                          Supervision supervision) {
        this.store = store;
        this.list = list;
        this.offers = offers;
        this.providers = providers;
        this.notices = notices;
        this.directory = directory;
        this.reassignment = reassignment;
        this.supervision = supervision;
    }

    public Reassignment reassignment() {
        return reassignment;
    }

    public Supervision supervision() {
        return supervision;
    }

    public Optional<WorkOrder> find(TicketNumber ticket) {
        return store.findByTicket(ticket);
    }

    /** The 督办 list page's variables. */
    public Map<String, Object> listPage() {
        Map<String, Object> vars = new HashMap<>();
        List<SupervisionList.Item> items = list.escalated(LIST_LIMIT);
        vars.put("items", items);
        vars.put("services", serviceNames(items.stream().map(SupervisionList.Item::order).toList()));
        vars.put("replies", list.overdueReplies(LIST_LIMIT));
        vars.put("replyReason", EscalationReason.REPLY_UNDECIDED.label());
        List<Map<String, Object>> requests = new ArrayList<>();
        list.pendingExtensions(LIST_LIMIT).forEach(r -> {
            Map<String, Object> row = new HashMap<>();
            row.put("request", r);
            row.put("provider", providerName(r.provider()));
            row.put("order", store.find(r.workOrder()).orElse(null));
            row.put("offer", offers.find(r.offer()).orElse(null));
            requests.add(row);
        });
        vars.put("extensions", requests);
        Map<String, Integer> missed = new LinkedHashMap<>();
        notices.missedByDepartment().forEach((p, n) -> missed.put(providerName(p), n));
        vars.put("missed", missed);
        return vars;
    }

    /** One order's page variables; empty when there is no such order. */
    public Optional<Map<String, Object>> orderPage(TicketNumber ticket) {
        return store.findByTicket(ticket).map(w -> {
            Map<String, Object> vars = new HashMap<>();
            vars.put("order", w);
            vars.put("masked", PhoneNumbers.mask(w.callerNumber()));
            vars.put("service", w.serviceCode().flatMap(directory::find).map(Service::nameZh).orElse("未匹配"));
            SupervisorFormat fmt = new SupervisorFormat(w.createdAt());
            Labels labels = new Labels();
            vars.put("history", RecordTable.of("history", List.of("时间", "操作人", "渠道", "状态", "说明"),
                    store.history(w.id()), e -> List.of(fmt.time(e.at()), e.actor(), e.channel().name(),
                            labels.state(e.to()), e.details())));
            List<Offer> mine = offers.forWorkOrder(JobFacts.ref(w));
            vars.put("offers", mine);
            vars.put("names", names(mine));
            vars.put("notices", notices.forWorkOrder(w.id()));
            List<Provider> able = w.serviceCode().map(code -> providers.get().providing(ServiceCode.of(code)))
                    .orElseGet(List::of).stream().filter(Provider::isActive)
                    .sorted(Comparator.comparing(Provider::name)).toList();
            vars.put("candidates", able);
            Map<String, String> departments = new LinkedHashMap<>();
            able.stream().filter(p -> p.kind() == ProviderKind.DEPARTMENT)
                    .forEach(p -> departments.put(p.id().value(), p.name()));
            mine.stream().map(Offer::provider).map(providers::find).flatMap(Optional::stream)
                    .filter(p -> p.kind() == ProviderKind.DEPARTMENT)
                    .forEach(p -> departments.put(p.id().value(), p.name()));
            vars.put("departments", departments);
            return vars;
        });
    }

    private Map<String, String> names(List<Offer> list) {
        Map<String, String> out = new HashMap<>();
        list.forEach(o -> out.put(o.provider().value(), providerName(o.provider())));
        return out;
    }

    private Map<String, String> serviceNames(List<WorkOrder> orders) {
        Map<String, String> out = new HashMap<>();
        orders.forEach(w -> w.serviceCode().ifPresent(code -> out.put(code,
                directory.find(code).map(Service::nameZh).orElse(code))));
        return out;
    }

    private String providerName(ProviderId id) {
        return providers.find(id).map(Provider::name).orElse(id.value());
    }
}
