package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.flow.DispatchResult;
import org.hotline81890.partners.flow.Dispatcher;
import org.hotline81890.partners.flow.PartnerActions;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.Offer;

/**
 * The supervisor's (督办) use cases on offers, each under the work order's partner lock and each its own event in
 * the history: reassign to a chosen provider, send back to dispatch without some providers, approve or refuse a
 * department's extension request. A refused action changes nothing.
 */
public final class Reassignment {
    /** Where a supervisor may take the job away from whoever has it and give it to someone else. */
    private static final Set<WorkOrderState> REASSIGNABLE = EnumSet.of(WorkOrderState.ESCALATED,
            WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.REOPENED);
    private final OfferLocks locks;
    private final Dispatcher dispatcher;
    private final PartnerActions actions;
    private final DispatchOutcomes outcomes;
    private final Tracker tracker;
    private final DeadlineStore deadlines;
    private final ProviderCache providers;
    private final OfferNotices notices;
    private final OfferMessages messages;
    private final JobFacts facts;
    private final ExtensionRequests extensions;
    private final org.hotline81890.partners.store.OfferStore offers;
    private final Clock clock;

    public Reassignment(OfferLocks locks, org.hotline81890.partners.store.OfferStore offers, Dispatcher dispatcher,
                        PartnerActions actions, DispatchOutcomes outcomes, Tracker tracker, DeadlineStore deadlines,
                        ProviderCache providers, OfferNotices notices, OfferMessages messages, JobFacts facts,
                        ExtensionRequests extensions, Clock clock) {
        this.locks = locks;
        this.offers = offers;
        this.dispatcher = dispatcher;
        this.actions = actions;
        this.outcomes = outcomes;
        this.tracker = tracker;
        this.deadlines = deadlines;
        this.providers = providers;
        this.notices = notices;
        this.messages = messages;
        this.facts = facts;
        this.extensions = extensions;
        this.clock = clock;
    }

    /** Takes the job from whoever has it (if anyone) and offers it to {@code chosen}. */
    public SupervisorOutcome toProvider(WorkOrderId id, ProviderId chosen, String supervisor) {
        Optional<Provider> provider = providers.find(chosen);
        if (provider.isEmpty()) {
            return new SupervisorOutcome.NotFound("没有服务单位 " + chosen.value());
        }
        if (!provider.get().isActive()) {
            return new SupervisorOutcome.Invalid(provider.get().name() + " 已停用");
        }
        return onReassignable(id, (w, job) -> {
            if (!provider.get().provides(job.service())) {
                return new SupervisorOutcome.Invalid(provider.get().name() + " 不承接服务 " + job.service().value());
            }
            int withdrawn = notices.withdrawAll(w.id(), "reassigned by supervisor " + supervisor);
            tracker.record(w.id(), supervisor, Channel.WEB, "reassigned by supervisor " + supervisor + " (督办改派) to "
                    + chosen.value() + (withdrawn > 0 ? "; " + withdrawn + " open offer(s) withdrawn" : ""),
                    x -> x, x -> List.of());
            DispatchResult result = dispatcher.assign(job, provider.get(), "chosen by supervisor " + supervisor);
            outcomes.apply(outcomes.load(w.id()), result);
            return result instanceof DispatchResult.Offered
                    ? new SupervisorOutcome.Done("已改派给 " + provider.get().name())
                    : new SupervisorOutcome.Conflict("未能改派: " + result);
        });
    }

    /**
     * Withdraws the job and dispatches it again by the policy, never to {@code excluded} (nor to whoever had it).
     * When nobody is left the whole unit rolls back: the order and its offers stay as they were.
     */
    public SupervisorOutcome backToDispatch(WorkOrderId id, Set<ProviderId> excluded, String supervisor) {
        try {
            return onReassignable(id, (w, job) -> {
                int withdrawn = notices.withdrawAll(w.id(), "sent back to dispatch by supervisor " + supervisor);
                String without = excluded.isEmpty() ? "" : " without " + excluded.stream().map(ProviderId::value)
                        .sorted().collect(Collectors.joining(", "));
                tracker.record(w.id(), supervisor, Channel.WEB, "sent back to dispatch by supervisor " + supervisor
                        + " (督办重新派单)" + without + (withdrawn > 0 ? "; " + withdrawn + " open offer(s) withdrawn"
                        : ""), x -> x, x -> List.of());
                DispatchResult result = dispatcher.dispatchExcluding(job, excluded);
                if (result instanceof DispatchResult.Escalate none) {
                    throw new NobodyLeft(none.reasons());
                }
                outcomes.apply(outcomes.load(w.id()), result);
                return new SupervisorOutcome.Done("已重新派单");
            });
        } catch (NobodyLeft e) {
            return new SupervisorOutcome.Conflict("没有其他服务单位可以承接: " + String.join("; ", e.reasons));
        }
    }

    /** Thrown inside the unit of work to roll it back. */
    private static final class NobodyLeft extends RuntimeException {
        private final List<String> reasons;

        NobodyLeft(List<String> reasons) {
            super("no provider left", null, false, false);
            this.reasons = reasons;
        }
    }

    /**
     * Runs {@code action} in one unit of work under the order's partner lock when the order exists, may be
     * reassigned and has a service; otherwise the refusal, and nothing changes.
     */
    private SupervisorOutcome onReassignable(WorkOrderId id,
                                             BiFunction<WorkOrder, DispatchJob, SupervisorOutcome> action) {
        return SupervisorOutcome.onOrder(locks, id, w -> {
            if (!REASSIGNABLE.contains(w.state())) {
                return SupervisorOutcome.notNow(w, "改派");
            }
            if (w.serviceCode().isEmpty()) {
                return new SupervisorOutcome.Conflict("工单" + w.ticket().grouped() + "尚未匹配服务，请先分类");
            }
            return action.apply(w, facts.job(w).orElseThrow());
        });
    }

    /** Approves the department's request: the handling deadline (and its reminder) move. */
    public SupervisorOutcome approveExtension(long requestId, String supervisor) {
        return decide(requestId, supervisor, true, "");
    }

    /** Refuses the department's request with a reason; the deadline stays. */
    public SupervisorOutcome refuseExtension(long requestId, String why, String supervisor) {
        if (why == null || why.isBlank()) {
            return new SupervisorOutcome.Invalid("请填写驳回理由");
        }
        return decide(requestId, supervisor, false, why.strip());
    }

    private SupervisorOutcome decide(long requestId, String supervisor, boolean approve, String why) {
        Optional<ExtensionRequest> found = extensions.find(requestId);
        if (found.isEmpty()) {
            return new SupervisorOutcome.NotFound("没有延期申请 " + requestId);
        }
        ExtensionRequest r = found.get();
        return locks.inOneTransaction(() -> locks.withWorkOrder(r.workOrder(), locked -> {
            ExtensionRequest current = extensions.find(requestId).orElseThrow();
            if (current.state() != ExtensionRequest.State.PENDING) {
                return new SupervisorOutcome.Conflict("该延期申请已处理 (" + current.state() + ")");
            }
            WorkOrder w = locked.orElseThrow();
            Offer offer;
            if (approve) {
                ActionResult granted = actions.grantExtension(r.offer(), r.extra());
                if (!(granted instanceof ActionResult.Applied applied)) {
                    return new SupervisorOutcome.Conflict("无法批准: " + ((ActionResult.Rejection) granted).message());
                }
                offer = applied.offer();
                offer.handleBy().ifPresent(at -> deadlines.arm(DispatchOutcomes.TRANSFER,
                        OfferIds.subjectId(offer.id()), DispatchOutcomes.HANDLE_BY, at));
                notices.afterExtension(offer);
            } else {
                offer = offers.find(r.offer()).orElseThrow();
            }
            ExtensionRequest.State to = approve ? ExtensionRequest.State.APPROVED : ExtensionRequest.State.REFUSED;
            extensions.decide(current.decided(to, supervisor, clock.instant(), why));
            Optional<Provider> p = providers.find(r.provider());
            String details = approve
                    ? "extension approved by supervisor " + supervisor + " (延期批准): " + r.provider().value()
                            + " has until " + offer.handleBy().map(Object::toString).orElse("?")
                    : "extension refused by supervisor " + supervisor + " (延期驳回): " + why;
            tracker.record(w.id(), supervisor, Channel.WEB, details, x -> x, next -> p.map(provider -> messages
                    .extensionDecided(offer, provider, next, requestId, approve, why)).orElseGet(List::of));
            return new SupervisorOutcome.Done(approve ? "已批准延期，办理期限延至 " + offer.handleBy()
                    .map(org.hotline81890.gateway.workorder.Wording::time).orElse("?") : "已驳回延期申请");
        }));
    }
}
