package org.hotline81890.gateway.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.gateway.dispatch.OfferLocks;
import org.hotline81890.gateway.dispatch.OfferNotices;
import org.hotline81890.gateway.dispatch.ProviderCache;
import org.hotline81890.gateway.dispatch.SupervisorOutcome;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.gateway.workorder.Wording;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;

/**
 * The supervisor's (督办) use cases on the order itself, each its own event in the history: cancel with a reason
 * (the resident is told by SMS through the outbox), reopen, and the 督办单 to a department with a new deadline (a
 * missed one counts against the department). The offer-side ones (reassign, extensions) are
 * {@link org.hotline81890.gateway.dispatch.Reassignment}. A refused action changes nothing.
 */
public final class Supervision {
    /** The deadline subject of a 督办单. */
    public static final String NOTICE = "supervision-notice";
    public static final String DUE = "DUE";
    static final Duration LONGEST_NOTICE = Duration.ofDays(30);
    private static final int MAX_TEXT = 500;
    private static final Set<WorkOrderState> DONE = EnumSet.of(WorkOrderState.COMPLETED, WorkOrderState.SURVEYED,
            WorkOrderState.CLOSED, WorkOrderState.ANSWERED, WorkOrderState.CANCELLED);
    private final OfferLocks locks;
    private final WorkOrderStore store;
    private final Tracker tracker;
    private final OfferNotices offers;
    private final ProviderCache providers;
    private final SupervisionNotices notices;
    private final DeadlineStore deadlines;
    private final Clock clock;

    public Supervision(OfferLocks locks, WorkOrderStore store, Tracker tracker, OfferNotices offers,
                       ProviderCache providers, SupervisionNotices notices, DeadlineStore deadlines, Clock clock) {
        this.locks = locks;
        this.store = store;
        this.tracker = tracker;
        this.offers = offers;
        this.providers = providers;
        this.notices = notices;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Cancels the order: open offers withdrawn (their providers told), the resident told why. */
    public SupervisorOutcome cancel(WorkOrderId id, String reason, String supervisor) {
        if (reason == null || reason.isBlank()) {
            return new SupervisorOutcome.Invalid("请填写撤销理由");
        }
        String why = cut(reason.strip());
        return SupervisorOutcome.onOrder(locks, id, w -> {
            if (!w.state().canMoveTo(WorkOrderState.CANCELLED)) {
                return SupervisorOutcome.notNow(w, "撤销");
            }
            offers.withdrawAll(w.id(), "cancelled by supervisor " + supervisor + ": " + why);
            tracker.move(w.id(), WorkOrderState.CANCELLED, supervisor, Channel.WEB, "cancelled by supervisor "
                    + supervisor + " (督办撤销): " + why, next -> resident(next, "cancelled",
                    "您的工单" + Wording.ticket(next.ticket()) + "已撤销，原因：" + why + "。如有疑问请致电81890。"));
            return new SupervisorOutcome.Done("已撤销工单 " + w.ticket().grouped() + "，已短信告知市民");
        });
    }

    /** Reopens an escalated order: dispatched again, never to whoever did the work before. */
    public SupervisorOutcome reopen(WorkOrderId id, String reason, String supervisor) {
        String why = reason == null || reason.isBlank() ? "" : ": " + cut(reason.strip());
        return SupervisorOutcome.onOrder(locks, id, w -> {
            if (!w.state().canMoveTo(WorkOrderState.REOPENED)) {
                return SupervisorOutcome.notNow(w, "重办");
            }
            tracker.move(w.id(), WorkOrderState.REOPENED, supervisor, Channel.WEB, "reopened by supervisor "
                    + supervisor + " (督办重办)" + why, Dispatch::request);
            return new SupervisorOutcome.Done("已重办工单 " + w.ticket().grouped() + "，重新派单中");
        });
    }

    /** Issues a 督办单 to a department: its own deadline, the department told by SMS. */
    public SupervisorOutcome issueNotice(WorkOrderId id, ProviderId department, Instant dueAt, String text,
                                         String supervisor) {
        Optional<Provider> dept = providers.find(department);
        if (dept.isEmpty()) {
            return new SupervisorOutcome.NotFound("没有部门 " + department.value());
        }
        if (dept.get().kind() != ProviderKind.DEPARTMENT) {
            return new SupervisorOutcome.Invalid(dept.get().name() + " 不是政府部门，督办单只发给部门");
        }
        Instant now = clock.instant();
        if (!dueAt.isAfter(now) || dueAt.isAfter(now.plus(LONGEST_NOTICE))) {
            return new SupervisorOutcome.Invalid("办结期限须在现在之后、30天之内");
        }
        if (text == null || text.isBlank()) {
            return new SupervisorOutcome.Invalid("请填写督办意见");
        }
        String body = cut(text.strip());
        return SupervisorOutcome.onOrder(locks, id, w -> {
            if (DONE.contains(w.state())) {
                return new SupervisorOutcome.Conflict("工单" + w.ticket().grouped() + "已办结或撤销，无需督办");
            }
            SupervisionNotice n = notices.add(new SupervisionNotice(0, w.id(), department, supervisor, now, dueAt,
                    body, SupervisionNotice.State.OPEN, Optional.empty()));
            deadlines.arm(NOTICE, n.id(), DUE, dueAt);
            tracker.record(w.id(), supervisor, Channel.WEB, "supervision notice (督办单) #" + n.id() + " issued by "
                    + supervisor + " to " + department.value() + ", due " + dueAt + ": " + body, x -> x,
                    next -> departmentSms(dept.get(), n, next));
            return new SupervisorOutcome.Done("已向" + dept.get().name() + "发出督办单，期限 " + Wording.time(dueAt));
        });
    }

    /** A 督办单's deadline fired: answered when the order was done by then, missed (counted) otherwise. */
    public void onNoticeDue(long noticeId) {
        Optional<SupervisionNotice> found = notices.find(noticeId);
        if (found.isEmpty() || found.get().state() != SupervisionNotice.State.OPEN
                || clock.instant().isBefore(found.get().dueAt())) {
            return;
        }
        SupervisionNotice n = found.get();
        locks.inOneTransaction(() -> locks.withWorkOrder(n.workOrder(), locked -> {
            Optional<WorkOrder> w = locked;
            boolean done = w.map(x -> DONE.contains(x.state())).orElse(true);
            SupervisionNotice.State to = done ? SupervisionNotice.State.ANSWERED : SupervisionNotice.State.MISSED;
            if (notices.settle(n.settled(to, clock.instant())) && w.isPresent()) {
                tracker.record(w.get().id(), "scheduler", Channel.SYSTEM, done
                        ? "supervision notice (督办单) #" + n.id() + " answered: the order was done in time"
                        : "supervision notice (督办单) #" + n.id() + " missed by " + n.department().value()
                                + " (counted against the department)", x -> x, x -> List.of());
            }
            return null;
        }));
    }

    private static List<OutboxMessage> departmentSms(Provider dept, SupervisionNotice n, WorkOrder w) {
        return dept.contact().sms().map(number -> List.of(new OutboxMessage(OutboxMessage.SMS, number.value(),
                Wording.sms("督办单：工单" + Wording.ticket(w.ticket()) + "请于" + Wording.time(n.dueAt())
                        + "前办结并反馈。督办意见：" + n.text()), "notice-sms:" + n.id()))).orElseGet(List::of);
    }

    private static List<OutboxMessage> resident(WorkOrder w, String what, String text) {
        if (w.callerNumber().equals("anonymous")) {
            return List.of();
        }
        return List.of(new OutboxMessage(OutboxMessage.SMS, w.callerNumber(), Wording.sms(text),
                "resident-" + what + ":" + w.id().value() + ":" + w.version()));
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}
