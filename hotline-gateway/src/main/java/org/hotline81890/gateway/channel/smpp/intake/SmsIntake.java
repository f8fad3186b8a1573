package org.hotline81890.gateway.channel.smpp.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.sms.ReplyKey;
import org.hotline81890.gateway.sms.ReplyKeys;
import org.hotline81890.gateway.sms.SmsNotes;
import org.hotline81890.gateway.sms.SmsPreferences;
import org.hotline81890.gateway.sms.SurveyReplies;
import org.hotline81890.gateway.workorder.AddressQuestion;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.JobCommands;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel's {@link InboundSmsHandler}: commands (query, survey answer, TD/KT, partner job commands) and
 * ordinary requests, which become work orders with the automatic reply written in the same transaction (unless
 * {@link SurveyReplies} holds one for an agent as a resident's reply to a recent order). Returns
 * {@link InboundOutcome.Committed} only after everything is stored; {@link InboundOutcome.Retry} when storage is
 * down. Every reply is an outbox row keyed by {@link ReplyKeys}: the SMSC's redeliveries of one message share one
 * reply, the same text sent again later gets its own. A request whose service is done at the door and that gave no
 * address gets one follow-up question ({@link AddressQuestion}); the answer ({@code 地址 …}) joins the order.
 */
public final class SmsIntake implements InboundSmsHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SmsIntake.class);

    /** What the intake needs from the core; the store is the plain one (lookups), intake may batch. */
    public record Parts(Intake intake, WorkOrderStore store, Survey survey, Outbox outbox, JobCommands jobs,
                        SmsPreferences preferences, SmsNotes notes, InboundLimiter limiter, DedupWindow window,
                        ReplyKeys replies, AddressQuestion addresses, Clock clock) {
    }

    private final Parts p;
    private final Optional<SurveyReplies> replies;

    /** Every ordinary text is a request (no reply window). */
    public SmsIntake(Parts parts) {
        this(parts, Optional.empty());
    }

    /** A text in words that answers a recent order is held for an agent by {@code replies} (ADR 0024). */
    public SmsIntake(Parts parts, Optional<SurveyReplies> replies) {
        this.p = parts;
        this.replies = replies;
    }

    /**
     * The same intake, reading the reply window through {@code window}: the ticket pass's read for all its senders
     * on the pass's own connections instead of the pool the relay's deliveries hold (ADR 0054). Orders opened under a
     * ticket never read the window ({@link #handle(InboundSms, TicketNumber)}).
     */
    public SmsIntake withReplyWindow(SurveyReplies window) {
        return new SmsIntake(p, replies.map(r -> window));
    }

    @Override
    public InboundOutcome handle(InboundSms sms) {
        String caller = PhoneNumbers.normalise(sms.source());
        try {
            SmsCommand cmd = SmsCommandParser.parse(sms.text(), () -> p.jobs().isProviderNumber(caller));
            return new InboundOutcome.Committed(dispatch(cmd, sms, caller));
        } catch (StorageUnavailableException e) {
            LOG.warn("SMS from {} not committed, the SMSC will redeliver: {}", PhoneNumbers.mask(caller),
                    e.getMessage());
            return new InboundOutcome.Retry(e.getMessage());
        }
    }

    /**
     * Ticket first (ADR 0047): which of {@code texts} open an order of their own whatever the matcher says, decided
     * without it: an ordinary request (read as if the sender were a provider: job verbs are not), within the
     * sender's limit (counted here once), and not a possible answer to a recent order (one read for all the
     * senders, then one indexed read per text of a sender who has such an order). Such a text may be told its ticket
     * before it is matched; it is then handled by {@link #handle(InboundSms, TicketNumber)}.
     */
    public List<InboundSms> opensOrders(List<InboundSms> texts) {
        List<InboundSms> requests = texts.stream().filter(t -> caller(t).isPresent()
                && SmsCommandParser.parse(t.text(), () -> true) instanceof SmsCommand.OrdinaryRequest).toList();
        if (requests.isEmpty()) {
            return requests;
        }
        java.util.Set<String> toAsk = replies.map(r -> r.toAsk(requests.stream().map(t -> caller(t).orElseThrow())
                .toList(), requests.stream().map(InboundSms::receivedAt).min(java.time.Instant::compareTo)
                .orElseThrow())).orElse(java.util.Set.of());
        return requests.stream().filter(t -> {
            String caller = caller(t).orElseThrow();
            return (!toAsk.contains(caller) || !replies.get().mayHold(caller, t.text(), t.receivedAt()))
                    && p.limiter().allow(caller);
        }).toList();
    }

    private static Optional<String> caller(InboundSms sms) {
        try {
            return Optional.of(PhoneNumbers.normalise(sms.source()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A text {@link #opensOrders} said opens an order, whose sender was told {@code ticket} already: the order is
     * opened under it, and only the address question (where the service asks one) follows; the reply with the
     * ticket is not written again. A row processed twice finds its order, as {@link #handle(InboundSms)} does.
     */
    public InboundOutcome handle(InboundSms sms, TicketNumber ticket) {
        String caller = PhoneNumbers.normalise(sms.source());
        try {
            return new InboundOutcome.Committed(request(sms, caller, Optional.of(ticket)));
        } catch (StorageUnavailableException e) {
            LOG.warn("SMS from {} not committed, retried: {}", PhoneNumbers.mask(caller), e.getMessage());
            return new InboundOutcome.Retry(e.getMessage());
        }
    }

    private String dispatch(SmsCommand cmd, InboundSms sms, String caller) {
        return switch (cmd) {
            case SmsCommand.OrdinaryRequest r -> request(sms, caller);
            case SmsCommand.QueryStatus q -> reply(sms, caller, Optional.empty(), query(q.ticket(), caller));
            case SmsCommand.SurveyReply a -> reply(sms, caller, Optional.empty(), SmsReplies.survey(
                    p.survey().answer(Optional.empty(), caller, a.answer(), Channel.SMS)));
            case SmsCommand.StopNotifications s -> {
                p.preferences().setNotifications(caller, false);
                yield reply(sms, caller, Optional.empty(), SmsReplies.stopped());
            }
            case SmsCommand.StartNotifications s -> {
                p.preferences().setNotifications(caller, true);
                yield reply(sms, caller, Optional.empty(), SmsReplies.started());
            }
            case SmsCommand.InvalidTicket t -> reply(sms, caller, Optional.empty(),
                    SmsReplies.invalidTicket(t.given()));
            case SmsCommand.AcceptJob j -> job(sms, caller, j.ticket(), t -> p.jobs().accept(caller, t));
            case SmsCommand.DeclineJob j -> job(sms, caller, j.ticket(),
                    t -> p.jobs().decline(caller, t, j.reason().orElse("")));
            case SmsCommand.CompleteJob j -> job(sms, caller, j.ticket(),
                    t -> p.jobs().complete(caller, t, j.note().orElse("")));
            case SmsCommand.ExtendJob j -> j.hours().isEmpty() ? reply(sms, caller, Optional.empty(),
                    SmsReplies.askExtension()) : job(sms, caller, j.ticket(), t -> p.jobs().extend(caller, t,
                    Duration.ofHours(j.hours().get()), j.reason().orElse("")));
            case SmsCommand.StartJob j -> job(sms, caller, j.ticket(), t -> p.jobs().start(caller, t));
            case SmsCommand.CallResident j -> job(sms, caller, j.ticket(), t -> p.jobs().callResident(caller, t));
            case SmsCommand.GiveAddress a -> p.addresses().answer(caller, a.address(), Channel.SMS)
                    .map(w -> reply(sms, caller, Optional.of(w.id()), SmsReplies.addressAdded(w)))
                    .orElseGet(() -> request(sms, caller));
        };
    }

    private String request(InboundSms sms, String caller) {
        String text = truncated(sms);
        if (!p.limiter().allow(caller)) {
            Optional<String> kept = overLimit(inWindow(sms), caller, text);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        Optional<HeldReply> held = replies.flatMap(r -> r.hold(sms.idempotencyKey(), caller, text,
                sms.receivedAt()));
        if (held.isPresent()) {
            LOG.info("SMS from {} held for an agent as a reply to work order {}", PhoneNumbers.mask(caller),
                    held.get().ticket());
            return "held:" + held.get().ticket().value();
        }
        return request(sms, caller, Optional.empty());
    }

    /** Opens the order (under {@code told}, the ticket the sender was told, if any) with its replies. */
    private String request(InboundSms sms, String caller, Optional<TicketNumber> told) {
        String text = truncated(sms);
        // The reply follows the order's key: the group commit may have moved it to a new episode (DedupWindow).
        IntakeRequest req = IntakeRequest.of(sms.idempotencyKey(), Channel.SMS, caller, text)
                .withArea(p.addresses().areaIn(text)).withAcknowledgement(w -> acknowledgement(w, caller, told));
        // Received, and promised (respond-by, complete-by), when it arrived, not when the journal's stage got to it.
        IntakeResult result = told.isPresent() ? p.intake().receive(req, sms.receivedAt(), told.get())
                : p.intake().receive(req, sms.receivedAt());
        return switch (result) {
            case IntakeResult.Accepted a -> {
                LOG.debug("SMS from {} became work order {}", PhoneNumbers.mask(caller), a.workOrder().ticket());
                yield a.workOrder().ticket().value();
            }
            case IntakeResult.Duplicate d -> {
                // The SMSC redelivering it (one reply, the acknowledgement) or the same text again later (its own).
                WorkOrder w = d.workOrder();
                String key = p.replies().replyKey(w.idempotencyKey(), w.createdAt(), sms.receivedAt());
                p.outbox().enqueue(Optional.of(w.id()), List.of(new OutboxMessage(OutboxMessage.SMS, caller,
                        SmsReplies.alreadyAccepted(w), key)));
                yield w.ticket().value();
            }
            case IntakeResult.Refused r -> {
                LOG.warn("SMS from {} refused by intake: {}", PhoneNumbers.mask(caller), r.reason());
                yield "refused";
            }
        };
    }

    /**
     * The ticket and what happens next, or, where the sender was told the order's ticket before it was matched, that
     * reply again under the same key (the outbox keeps the first: written here too, a reply lost between the ticket's
     * commit and its own is not lost); for a service done at the door without an address, the one question after it.
     */
    private List<OutboxMessage> acknowledgement(WorkOrder w, String caller, Optional<TicketNumber> told) {
        String key = ReplyKey.of(w.idempotencyKey());
        String first = told.filter(w.ticket()::equals).map(SmsReplies::received)
                .orElseGet(() -> SmsReplies.accepted(w));
        OutboxMessage ack = new OutboxMessage(OutboxMessage.SMS, caller, first, key);
        if (!p.addresses().asks(w)) {
            return List.of(ack);
        }
        return List.of(ack, new OutboxMessage(OutboxMessage.SMS, caller, SmsReplies.askAddress(w), key + ":address"));
    }

    private static String truncated(InboundSms sms) {
        return sms.text().length() > IntakeRequest.MAX_TEXT ? sms.text().substring(0, IntakeRequest.MAX_TEXT)
                : sms.text();
    }

    private InboundSms inWindow(InboundSms sms) {
        String key = p.window().current(sms.idempotencyKey());
        return key.equals(sms.idempotencyKey()) ? sms : new InboundSms(key, sms.source(), sms.destination(),
                sms.text(), sms.receivedAt(), sms.partsReceived(), sms.partsExpected(), sms.complete());
    }

    /** Over the limit: kept as a note on the sender's latest order (open first); empty when there is none. */
    private Optional<String> overLimit(InboundSms sms, String caller, String text) {
        Optional<WorkOrder> already = p.store().findByIdempotencyKey(sms.idempotencyKey());
        if (already.isPresent()) {
            return Optional.of(already.get().ticket().value());
        }
        List<WorkOrder> recent = p.store().listByCaller(caller, 20);
        Optional<WorkOrder> target = recent.stream().filter(w -> !w.state().isFinal()).findFirst()
                .or(() -> recent.stream().findFirst());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        boolean added = p.notes().attach(sms.idempotencyKey(), target.get().id(), caller, text);
        LOG.info("SMS from {} over the rate limit, {} note on work order {}", PhoneNumbers.mask(caller),
                added ? "kept as a" : "already a", target.get().ticket());
        return Optional.of("note:" + target.get().ticket().value());
    }

    private String query(Optional<String> ticket, String caller) {
        Optional<WorkOrder> w = ticket.isPresent()
                ? p.store().findByTicket(TicketNumber.of(ticket.get())).filter(x -> x.callerNumber().equals(caller))
                : p.store().listByCaller(caller, 1).stream().findFirst();
        return w.map(SmsReplies::status).orElse(SmsReplies.notFound());
    }

    private String job(InboundSms sms, String caller, Optional<String> ticket,
                       java.util.function.Function<TicketNumber, JobCommands.Result> command) {
        if (ticket.isEmpty()) {
            return reply(sms, caller, Optional.empty(), SmsReplies.askTicket());
        }
        String text = switch (command.apply(TicketNumber.of(ticket.get()))) {
            case JobCommands.Result.Done d -> d.replyZh();
            case JobCommands.Result.Refused r -> r.replyZh();
        };
        return reply(sms, caller, Optional.empty(), SmsReplies.provider(text));
    }

    /** A command's reply: one per message, however often the SMSC redelivers it ({@link ReplyKeys}). */
    private String reply(InboundSms sms, String caller, Optional<WorkOrderId> about, String text) {
        String key = p.replies().replyKey(sms.idempotencyKey(), sms.receivedAt(),
                sms.receivedAt());
        p.outbox().enqueue(about, List.of(new OutboxMessage(OutboxMessage.SMS, caller, text, key)));
        return "reply";
    }
}
