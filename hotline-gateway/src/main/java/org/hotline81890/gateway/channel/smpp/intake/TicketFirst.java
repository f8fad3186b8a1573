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
    private final Consumer<Runnable> oneCommit;

    /**
     * {@code queued} is told the outbox keys of the replies once they are committed (the relay's lane for rows that go
     * first, ADR 0050); {@code oneCommit} runs a pass's writes (the reservations, the replies, the rows marked) as one
     * transaction (ADR 0054: one commit per pass where there were three).
     */
    public TicketFirst(SmsIntake intake, TicketReservations reservations, Outbox outbox, Clock clock,
                       Consumer<List<String>> queued, Consumer<Runnable> oneCommit) {
        this.intake = intake;
        this.reservations = reservations;
        this.outbox = outbox;
        this.clock = clock;
        this.queued = queued;
        this.oneCommit = oneCommit;
    }

    public TicketFirst(SmsIntake intake, TicketReservations reservations, Outbox outbox, Clock clock) {
        this(intake, reservations, outbox, clock, keys -> { }, Runnable::run);
    }

    /** The tickets given, by journal row id; the replies are queued when this returns. Throws when storage fails. */
    public Map<Long, TicketNumber> give(List<JournaledSms> rows) {
        return give(rows, () -> { });
    }

    /**
     * As {@link #give(List)}, with {@code alsoWrite} (the rows marked as seen by the pass) in the same commit as the
     * reservations and the replies; the relay is told the replies' keys after that commit.
     */
    public Map<Long, TicketNumber> give(List<JournaledSms> rows, Runnable alsoWrite) {
        Map<Long, TicketNumber> given = new HashMap<>();
        List<OutboxMessage> replies = new ArrayList<>();
        List<JournaledSms> requests = opening(rows);
        oneCommit.accept(() -> {
            given.clear();
            replies.clear();
            write(requests, given, replies);
            alsoWrite.run();
        });
        if (!replies.isEmpty()) {
            queued.accept(replies.stream().map(OutboxMessage::dedupeKey).toList());
        }
        if (StageTimes.enabled()) {
            Instant now = clock.instant();
            requests.stream().map(JournaledSms::receivedAt).min(Instant::compareTo).ifPresent(oldest -> StageTimes
                    .record(StageTimes.Stage.PASS_BEHIND_MS, Duration.between(oldest, now).toMillis()));
        }
        return given;
    }

    /** The rows that open an order of their own whatever the matcher says (one read of the reply window for all). */
    private List<JournaledSms> opening(List<JournaledSms> rows) {
        long start = System.nanoTime();
        java.util.Set<String> opening = intake.opensOrders(rows.stream().map(JournalStage::inbound).toList())
                .stream().map(InboundSms::idempotencyKey).collect(java.util.stream.Collectors.toSet());
        StageTimes.since(StageTimes.Stage.PASS_WINDOW, start);
        return rows.stream().filter(r -> opening.contains(r.key())).toList();
    }

    /** Reserves the requests' tickets and queues their replies (in the caller's transaction, if any). */
    private void write(List<JournaledSms> requests, Map<Long, TicketNumber> given, List<OutboxMessage> replies) {
        if (requests.isEmpty()) {
            return;
        }
        long reserving = System.nanoTime();
        Map<String, TicketNumber> byKey = reservations.reserve(requests.stream().map(JournaledSms::key).toList(),
                clock.instant());
        StageTimes.since(StageTimes.Stage.PASS_RESERVE, reserving);
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
