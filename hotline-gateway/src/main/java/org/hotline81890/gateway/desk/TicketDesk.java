package org.hotline81890.gateway.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.AreaTree;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;
import org.hotline81890.gateway.matching.CorrectionRequest;
import org.hotline81890.gateway.matching.CorrectionResult;
import org.hotline81890.gateway.matching.Corrections;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Classification;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.IllegalTransitionException;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.RequestClassifier;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * Use case: the agent's ticket form. The agent classifies the request (type, service, urgency, area) and either
 * answers it at first contact, dispatches it, or transfers it to the department they chose (转办, the same dispatch
 * naming that department); the order is edited and moved in one transaction, with the dispatch request as an outbox
 * row. A service other than the matcher's first is recorded as a correction, so the
 * matcher learns from the agents.
 */
public final class TicketDesk {
    private final WorkOrderStore store;
    private final Tracker tracker;
    private final Directory directory;
    private final AreaTree areas;
    private final RequestClassifier classifier;
    private final Corrections corrections;
    private final Departments departments;
    private final Clock clock;

    public TicketDesk(WorkOrderStore store, Tracker tracker, Directory directory, AreaTree areas,
                      RequestClassifier classifier, Corrections corrections, Clock clock) {
        this(store, tracker, directory, areas, classifier, corrections, Departments.NONE, clock);
    }

    public TicketDesk(WorkOrderStore store, Tracker tracker, Directory directory, AreaTree areas,
                      RequestClassifier classifier, Corrections corrections, Departments departments, Clock clock) {
        this.departments = departments;
        this.store = store;
        this.tracker = tracker;
        this.directory = directory;
        this.areas = areas;
        this.classifier = classifier;
        this.corrections = corrections;
        this.clock = clock;
    }

    public TicketResult handle(TicketForm form, Handling handling, String agent) {
        Optional<TicketResult.Refused> bad = check(form, handling);
        if (bad.isPresent()) {
            return bad.get();
        }
        Optional<WorkOrder> found = store.findByTicket(form.ticket());
        if (found.isEmpty()) {
            return new TicketResult.NotFound();
        }
        WorkOrder order = found.get();
        WorkOrderState to = handling == Handling.ANSWER ? WorkOrderState.ANSWERED : WorkOrderState.MATCHED;
        if (!order.state().canMoveTo(to)) {
            return new TicketResult.NotOpen(order.state());
        }
        String text = order.text().isBlank() ? form.text() : order.text();
        if (text.isBlank()) {
            return new TicketResult.Refused("text", "请填写诉求内容");
        }
        Classification c = classifier.classify(IntakeRequest.of("desk:" + order.id().value(), Channel.AGENT,
                order.callerNumber(), text).withHints(Optional.of(form.requestType()),
                Optional.of(form.serviceCode()), Optional.of(form.priority())));
        Instant now = clock.instant();
        Deadlines deadlines = new Deadlines(c.respondWithin().map(now::plus).or(() -> order.deadlines().respondBy()),
                c.completeWithin().map(now::plus).or(() -> order.deadlines().completeBy()),
                order.deadlines().surveyAt());
        WorkOrder after;
        try {
            after = tracker.move(order.id(), to, agent, Channel.AGENT, details(form, handling, c),
                    w -> w.reclassified(text, form.requestType(), form.serviceCode(), c.priority(), form.area(),
                            deadlines),
                    w -> switch (handling) {
                        case ANSWER -> List.of();
                        case DISPATCH -> Dispatch.request(w);
                        case TRANSFER -> Dispatch.transfer(w, form.department().orElseThrow());
                    });
        } catch (IllegalTransitionException e) {
            return new TicketResult.NotOpen(store.findByTicket(form.ticket()).map(WorkOrder::state)
                    .orElse(order.state()));
        }
        return new TicketResult.Done(after, learn(form, text, agent));
    }

    /** The directory's answer for a consultation and the questions to ask, for the desk to show. */
    public Optional<Service> service(String code) {
        return directory.find(code);
    }

    private Optional<String> learn(TicketForm form, String text, String agent) {
        if (text.isBlank() || form.serviceCode().equals(form.matcherFirst())) {
            return Optional.empty();
        }
        CorrectionResult r = corrections.record(new CorrectionRequest(text, form.matcherFirst(), form.serviceCode(),
                form.requestType().english(), agent, false, Optional.of(form.ticket().value())));
        return switch (r) {
            case CorrectionResult.Recorded rec -> Optional.of(form.matcherFirst() + " → " + form.serviceCode()
                    + (rec.confirmed() ? " (confirmed)" : " (waiting for a second agent)"));
            case CorrectionResult.SameAsMatcher same -> Optional.empty();
            case CorrectionResult.Rejected rej -> Optional.empty();
        };
    }

    private Optional<TicketResult.Refused> check(TicketForm form, Handling handling) {
        if (form.serviceCode().isEmpty()) {
            return refused("serviceCode", "请选择服务");
        }
        if (directory.find(form.serviceCode()).isEmpty()) {
            return refused("serviceCode", "没有服务 " + form.serviceCode());
        }
        if (!form.matcherFirst().equals("NONE") && directory.find(form.matcherFirst()).isEmpty()) {
            return refused("matcherFirst", "没有服务 " + form.matcherFirst());
        }
        if (form.text().length() > IntakeRequest.MAX_TEXT) {
            return refused("text", "诉求内容超过 " + IntakeRequest.MAX_TEXT + " 字");
        }
        if (form.notes().length() > TicketForm.MAX_NOTES) {
            return refused("notes", "备注超过 " + TicketForm.MAX_NOTES + " 字");
        }
        if (!areas.knows(form.areaPath())) {
            return refused("area", "区域不在目录中: " + String.join("/", form.areaPath()));
        }
        if (handling == Handling.ANSWER && form.requestType() != RequestType.CONSULTATION) {
            return refused("requestType", "只有咨询类诉求可以直接答复");
        }
        return handling == Handling.TRANSFER ? checkDepartment(form) : Optional.empty();
    }

    /** Transfer your own way: only to an active department that serves the chosen service. */
    private Optional<TicketResult.Refused> checkDepartment(TicketForm form) {
        if (form.department().isEmpty()) {
            return refused("department", "请选择转办部门");
        }
        String id = form.department().get();
        if (departments.serving(form.serviceCode()).stream().noneMatch(d -> d.id().equals(id))) {
            return refused("department", "部门 " + id + " 不承办服务 " + form.serviceCode() + " 或已停用");
        }
        return Optional.empty();
    }

    private static Optional<TicketResult.Refused> refused(String field, String reason) {
        return Optional.of(new TicketResult.Refused(field, reason));
    }

    private static String details(TicketForm form, Handling handling, Classification c) {
        String what = switch (handling) {
            case ANSWER -> "answered at first contact";
            case DISPATCH -> "dispatched";
            case TRANSFER -> "transferred (转办) to " + form.department().orElseThrow();
        };
        String notes = form.notes().isEmpty() ? "" : "; notes: " + form.notes();
        return what + " by the agent: " + form.serviceCode() + " (" + form.requestType().english() + ", "
                + c.priority().wire() + ")" + notes;
    }
}
