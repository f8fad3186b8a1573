package org.hotline81890.gateway.channel.smpp.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.hotline81890.gateway.channel.smpp.pdu.Concat;
import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.channel.smpp.pdu.IncomingPdu;
import org.hotline81890.gateway.sms.IdempotencyKeys;
import org.hotline81890.gateway.sms.PartKey;
import org.hotline81890.gateway.sms.PartStore;
import org.hotline81890.gateway.sms.StagedPart;

/**
 * Puts long messages back together. Single-part messages pass straight through. A part of a long message is
 * staged in the {@link PartStore} first; when all parts are there the whole message is returned. Parts that
 * wait longer than {@code timeout} are released by {@link #expired()} as an incomplete message: never dropped.
 * Call {@link #done(PartKey)} once the message was committed, to forget its parts.
 */
public final class Reassembler {
    private final PartStore store;
    private final Clock clock;
    private final Duration timeout;
    private final String smscName;

    public Reassembler(PartStore store, Clock clock, Duration timeout, String smscName) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.smscName = Objects.requireNonNull(smscName, "smscName");
    }

    /** A message ready to hand on, and the staged parts to forget afterwards (none for a single-part SMS). */
    public record Ready(InboundSms sms, Optional<PartKey> staged) {
    }

    /**
     * Stages {@code part} (durably) and returns the message when it is now complete. Empty when more parts are
     * due, or when the part is a redelivery of a message already committed (acknowledge it, nothing else).
     */
    public Optional<Ready> accept(IncomingPdu.MoPart part) {
        if (!part.isMultipart()) {
            String key = IdempotencyKeys.of(smscName, part.smscMessageId(), part.source(), part.destination(),
                    part.text(), part.fingerprint(), "1/1");
            return Optional.of(new Ready(new InboundSms(key, part.source(), part.destination(), part.text(),
                    part.receivedAt(), 1, 1, true), Optional.empty()));
        }
        Concat c = part.concat().orElseThrow();
        PartKey key = new PartKey(part.source(), part.destination(), c.reference());
        PartStore.Saved saved = store.save(new StagedPart(key, c.sequence(), c.total(), part.text(),
                part.fingerprint(), part.smscMessageId(), part.receivedAt()));
        if (saved == PartStore.Saved.ALREADY_COMPLETED) {
            return Optional.empty();
        }
        return assemble(key, store.load(key), false);
    }

    /** Messages whose parts have waited longer than the timeout, assembled from what arrived. */
    public List<Ready> expired() {
        List<Ready> out = new ArrayList<>();
        for (PartKey key : store.keysStagedBefore(clock.instant().minus(timeout))) {
            assemble(key, store.load(key), true).ifPresent(out::add);
        }
        return out;
    }

    public void done(PartKey key) {
        store.delete(key);
    }

    private Optional<Ready> assemble(PartKey key, List<StagedPart> parts, boolean acceptIncomplete) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, StagedPart> bySeq = new TreeMap<>();
        parts.forEach(p -> bySeq.putIfAbsent(p.sequence(), p));
        int expected = parts.stream().mapToInt(StagedPart::total).max().orElseThrow();
        boolean complete = bySeq.size() == expected;
        if (!complete && !acceptIncomplete) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        bySeq.values().forEach(p -> text.append(p.text()));
        StagedPart first = bySeq.values().iterator().next();
        StagedPart earliest = parts.stream().min(Comparator.comparing(StagedPart::receivedAt)).orElseThrow();
        Optional<String> smscId = bySeq.values().stream().flatMap(p -> p.smscMessageId().stream()).findFirst();
        String idem = IdempotencyKeys.of(smscName, smscId, key.source(), key.destination(), text.toString(),
                first.fingerprint(), "ref=" + key.reference() + ";" + bySeq.size() + "/" + expected);
        InboundSms sms = new InboundSms(idem, key.source(), key.destination(), text.toString(),
                earliest.receivedAt(), bySeq.size(), expected, complete);
        return Optional.of(new Ready(sms, Optional.of(key)));
    }
}
