package org.hotline81890.gateway.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hotline81890.gateway.dispatch.PartnerFlow;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.partners.ProviderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows of kind {@code dispatch}: the partner network offers the matched order to a provider, or to
 * the department the agent chose (转办). Each dispatch is a locked decision; at most {@link #atOnce} run at once, so
 * that a backlog of dispatches waits in the outbox and not ahead of the providers' answers (partner API) and the
 * offers' deadlines in the queue for the decision holders (the simulated day, 2026-12-05: 180 dispatches queued
 * there, the answers behind them ran into the partners' 30 s timeout).
 *
 * <p>Up to {@link #together} rows are decided as one unit (ADR 0045): one transaction, one commit and one decision
 * holder for the group, the work orders locked in id order. A group that fails as a whole (a deadlock it lost too
 * often, a row whose order is gone) is decided again row by row, each in a transaction of its own, so one bad row
 * holds back none of the others.
 */
public final class DispatchDelivery implements OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchDelivery.class);
    private final PartnerFlow flow;
    private final int atOnce;
    private final int together;

    public DispatchDelivery(PartnerFlow flow) {
        this(flow, Integer.MAX_VALUE, 1);
    }

    /**
     * {@code atOnce}: dispatches (groups) in delivery at once (keep it below the decision holders, leaving some free);
     * {@code together}: rows decided in one unit of work at most.
     */
    public DispatchDelivery(PartnerFlow flow, int atOnce, int together) {
        if (together < 1) {
            throw new IllegalArgumentException("together must be at least 1: " + together);
        }
        this.flow = flow;
        this.atOnce = atOnce;
        this.together = together;
    }

    @Override
    public int atOnce() {
        return atOnce;
    }

    @Override
    public int together() {
        return together;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        return decide(entry);
    }

    @Override
    public List<DeliveryOutcome> deliverAll(List<OutboxEntry> entries) {
        if (entries.size() == 1) {
            return List.of(decide(entries.get(0)));
        }
        List<OutboxEntry> byOrder = new ArrayList<>(entries);
        byOrder.sort(Comparator.comparingLong(e -> Dispatch.parse(e.message().payload()).workOrder().value()));
        try {
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            flow.decideTogether(() -> {
                outcomes.clear(); // a unit retried after a deadlock decides them all again
                entries.forEach(e -> outcomes.add(null));
                byOrder.forEach(e -> outcomes.set(entries.indexOf(e), decide(e)));
            });
            return outcomes;
        } catch (RuntimeException ex) {
            LOG.warn("{} dispatch rows decided together failed as one ({}: {}); deciding each on its own",
                    entries.size(), ex.getClass().getSimpleName(), ex.getMessage());
            return entries.stream().map(this::decideAlone).toList();
        }
    }

    private DeliveryOutcome decideAlone(OutboxEntry entry) {
        try {
            return decide(entry);
        } catch (RuntimeException ex) {
            return new DeliveryOutcome.Retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    private DeliveryOutcome decide(OutboxEntry entry) {
        Dispatch.Request r = Dispatch.parse(entry.message().payload());
        if (r.department().isPresent()) {
            flow.transfer(r.workOrder(), ProviderId.of(r.department().get()));
            return new DeliveryOutcome.Confirmed("transferred");
        }
        flow.dispatch(r.workOrder());
        return new DeliveryOutcome.Confirmed("dispatched");
    }
}
