package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxContract;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox table's contract on real MariaDB: dedupe key, lease, SKIP LOCKED claim, due_key order, parking. */
class MySqlOutboxIT implements OutboxContract {
    private static TestDatabase db;
    private static MySqlOutbox outbox;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        outbox = new MySqlOutbox(db.database().transactions(), Clock.fixed(ENQUEUED_AT, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    /**
     * The relay's round (issue 18): the last batch's done marks and the next claim in one transaction, four
     * statements and one commit; they were two transactions (five statements, two commits).
     */
    @Test
    void aRoundMarksItsDoneRowsAndClaimsTheNextBatchInOneCommit() {
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger statements = new AtomicInteger();
        MySqlOutbox counted = new MySqlOutbox(new Transactions(new CountingDataSource(db.url(), commits, statements)),
                Clock.fixed(ENQUEUED_AT, ZoneOffset.UTC));
        List<OutboxMessage> first = List.of(sms("round-1a"), sms("round-1b"));
        List<OutboxMessage> second = List.of(sms("round-2a"), sms("round-2b"));
        counted.enqueue(Optional.empty(), first);
        List<Long> delivered = counted.settleAndClaim(List.of(), ENQUEUED_AT, ENQUEUED_AT, 10, LEASE, Set.of())
                .stream().map(OutboxEntry::id).toList();
        assertThat(delivered).hasSize(2);
        counted.enqueue(Optional.empty(), second);
        commits.set(0);
        statements.set(0);

        List<OutboxEntry> next = counted.settleAndClaim(delivered, ENQUEUED_AT, ENQUEUED_AT, 10, LEASE, Set.of());

        assertThat(next).extracting(e -> e.message().dedupeKey()).containsExactlyInAnyOrder("round-2a", "round-2b");
        assertThat(commits.get()).as("commits").isEqualTo(1);
        assertThat(statements.get()).as("statements: done marks, claim, lease").isEqualTo(3);
        first.forEach(m -> assertThat(counted.status(m.dedupeKey()).orElseThrow().state()).isEqualTo("DONE"));
        counted.markAllDone(next.stream().map(OutboxEntry::id).toList(), ENQUEUED_AT);
    }

    private static OutboxMessage sms(String key) {
        return new OutboxMessage(OutboxMessage.SMS, "8613800001111", "{\"text\":\"回复\"}", key);
    }
}
