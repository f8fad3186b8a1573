package org.hotline81890.gateway.channel.smpp.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.diagnostics.StageTimes;
import org.hotline81890.gateway.sms.JournaledSms;
import org.hotline81890.gateway.sms.ReplyKey;
import org.hotline81890.gateway.sms.TicketReservations;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.TicketNumber;

/**
 * Ticket first (issue 18, ADR 0047): before the matcher, the journal's stage gives every claimed text that opens an
 * order of its own ({@link SmsIntake#opensOrders}) its ticket ({@link TicketReservations}, committed) and then queues
 * the reply with it, for the whole claim at once: two commits per claim, however many texts, and no matcher. The
 * order follows behind the matcher under that ticket. The reply's outbox key is the one the acknowledgement had
 * before ({@code sms-reply:<key>}), so a redelivery (same key, same reservation), a row processed twice and the
 * order's own duplicate answer all land on the one row. Commands, texts that may answer a recent order, texts over
 * the sender's limit and texts already stored as an order take the road they took before, matcher first.
 */
public final class TicketFirst {
    private final SmsIntake intake;
    private final TicketReservations reservations;
    private final Outbox outbox;
    private final Clock clock;
    private final Consumer<List<String>> queued;

    /**
     * {@code queued} is told the outbox keys of the replies once they are committed (the relay's lane for rows that go
     * first, ADR 0050).
     */
    public TicketFirst(SmsIntake intake, TicketReservations reservations, Outbox outbox, Clock clock,
                       Consumer<List<String>> queued) {
        this.intake = intake;
        this.reservations = reservations;
        this.outbox = outbox;
        this.clock = clock;
        this.queued = queued;
    }

    public TicketFirst(SmsIntake intake, TicketReservations reservations, Outbox outbox, Clock clock) {
        this(intake, reservations, outbox, clock, keys -> { });
    }

    /** The tickets given, by journal row id; the replies are queued when this returns. Throws when storage fails. */
    public Map<Long, TicketNumber> give(List<JournaledSms> rows) {
        long start = System.nanoTime();
        java.util.Set<String> opening = intake.opensOrders(rows.stream().map(JournalStage::inbound).toList())
                .stream().map(InboundSms::idempotencyKey).collect(java.util.stream.Collectors.toSet());
        StageTimes.since(StageTimes.Stage.PASS_WINDOW, start);
        List<JournaledSms> requests = rows.stream().filter(r -> opening.contains(r.key())).toList();
        if (requests.isEmpty()) {
            return Map.of();
        }
        long reserving = System.nanoTime();
        Map<String, TicketNumber> byKey = reservations.reserve(requests.stream().map(JournaledSms::key).toList(),
                clock.instant());
        StageTimes.since(StageTimes.Stage.PASS_RESERVE, reserving);
        Map<Long, TicketNumber> given = new HashMap<>();
        List<OutboxMessage> replies = new ArrayList<>();
        for (JournaledSms r : requests) {
            TicketNumber t = byKey.get(r.key());
            if (t != null) {
                given.put(r.id(), t);
                replies.add(new OutboxMessage(OutboxMessage.SMS, PhoneNumbers.normalise(r.source()),
                        SmsReplies.received(t), ReplyKey.of(r.key())));
            }
        }
        long writing = System.nanoTime();
        outbox.enqueue(Optional.empty(), replies);
        StageTimes.since(StageTimes.Stage.PASS_REPLIES, writing);
        queued.accept(replies.stream().map(OutboxMessage::dedupeKey).toList());
        if (StageTimes.enabled()) {
            Instant now = clock.instant();
            requests.stream().map(JournaledSms::receivedAt).min(Instant::compareTo).ifPresent(oldest -> StageTimes
                    .record(StageTimes.Stage.PASS_BEHIND_MS, Duration.between(oldest, now).toMillis()));
        }
        return given;
    }

    /** The tickets given before to these rows' keys (by this node's pass or another's). */
    public Map<String, TicketNumber> told(List<JournaledSms> rows) {
        return reservations.reserved(rows.stream().map(JournaledSms::key).toList());
    }

    /** Opens the order of a row whose sender was told {@code ticket}. */
    public InboundOutcome handle(InboundSms sms, TicketNumber ticket) {
        return intake.handle(sms, ticket);
    }
}
