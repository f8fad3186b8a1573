package org.hotline81890.gateway.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.hotline81890.gateway.workorder.PendingTexts;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.StorageUnavailableException;

/**
 * Test double of {@link InboundJournal} (held to {@link InboundJournalContract}): rows in id order, a claim is a
 * lease on {@code clock}; {@code down} fails every call as an unavailable database would.
 */
public final class InMemoryInboundJournal implements InboundJournal, PendingTexts {
    private static final class Row {
        final JournaledSms text;
        Instant claimableFrom = Instant.MIN;
        boolean fresh = true;
        boolean done;

        Row(JournaledSms text) {
            this.text = text;
        }
    }

    private final TreeMap<Long, Row> rows = new TreeMap<>();
    private final Clock clock;
    private long nextId = 1;
    public volatile boolean down;

    public InMemoryInboundJournal(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void append(List<JournaledSms> texts) {
        check();
        for (JournaledSms t : texts) {
            long id = nextId++;
            rows.put(id, new Row(new JournaledSms(id, t.key(), t.source(), t.destination(), t.text(), t.receivedAt(),
                    t.partsReceived(), t.partsExpected())));
        }
    }

    @Override
    public synchronized List<JournaledSms> fresh(int limit) {
        check();
        return rows.values().stream().filter(r -> r.fresh && !r.done).limit(limit).map(r -> r.text).toList();
    }

    @Override
    public synchronized void ticketed(List<Long> ids) {
        check();
        ids.forEach(id -> {
            Row r = rows.get(id);
            if (r != null) {
                r.fresh = false;
            }
        });
    }

    @Override
    public synchronized List<JournaledSms> claim(int limit, Duration lease) {
        check();
        Instant now = clock.instant();
        List<JournaledSms> out = new ArrayList<>();
        for (Row r : rows.values()) {
            if (out.size() == limit) {
                break;
            }
            if (!r.done && !r.fresh && !r.claimableFrom.isAfter(now)) {
                r.claimableFrom = now.plus(lease);
                out.add(r.text);
            }
        }
        return out;
    }

    @Override
    public synchronized void done(List<Long> ids) {
        check();
        ids.forEach(id -> {
            Row r = rows.get(id);
            if (r != null) {
                r.done = true;
            }
        });
    }

    @Override
    public synchronized void retryLater(List<Long> ids, Duration after) {
        check();
        Instant at = clock.instant().plus(after);
        ids.forEach(id -> {
            Row r = rows.get(id);
            if (r != null && !r.done) {
                r.claimableFrom = at;
            }
        });
    }

    @Override
    public synchronized int purgeDoneBefore(Instant cutoff) {
        check();
        int before = rows.size();
        rows.values().removeIf(r -> r.done && r.text.receivedAt().isBefore(cutoff));
        return before - rows.size();
    }

    @Override
    public synchronized Lag lag() {
        check();
        List<Row> pending = rows.values().stream().filter(r -> !r.done).toList();
        return new Lag(pending.size(), pending.stream().findFirst().map(r -> r.text.receivedAt()));
    }

    @Override
    public synchronized boolean anyFrom(String callerNumber, Instant by) {
        check();
        String caller = PhoneNumbers.normalise(callerNumber);
        return rows.values().stream().anyMatch(r -> !r.done && !r.text.receivedAt().isAfter(by)
                && PhoneNumbers.normalise(r.text.source()).equals(caller));
    }

    /** Rows not processed yet (for assertions). */
    public synchronized long pending() {
        return rows.values().stream().filter(r -> !r.done).count();
    }

    private void check() {
        if (down) {
            throw new StorageUnavailableException("journal down (test)", new IllegalStateException("down"));
        }
    }
}
