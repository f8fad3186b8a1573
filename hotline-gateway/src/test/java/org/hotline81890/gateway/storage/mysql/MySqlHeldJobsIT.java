package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.util.Map;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.HeldJobs;
import org.hotline81890.partners.store.HeldJobsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The held jobs' contract on real MariaDB (each test starts empty), and the hold's atomicity: the row is written in
 * the transaction of the decision that holds the order (the work order's lock, with the hold's event and deadline),
 * so a decision that rolls back leaves no row counting at later openings (ADR 0028, corrected).
 */
class MySqlHeldJobsIT implements HeldJobsContract {
    private static TestDatabase db;
    private static MySqlHeldJobs held;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        held = new MySqlHeldJobs(db.database().transactions());
    }

    @BeforeEach
    void empty() {
        db.database().transactions().inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM order_hold");
            }
        });
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public HeldJobs held() {
        return held;
    }

    @Test
    void aHoldWhoseDecisionRollsBackShouldLeaveNoRow() {
        Transactions tx = db.database().transactions();
        MySqlDeadlineStore deadlines = new MySqlDeadlineStore(tx);
        assertThatThrownBy(() -> tx.inTransaction(c -> held.exclusively(() -> {
            held.hold(new WorkOrderRef("77"), FIRM, SEVEN);
            deadlines.arm("hold", 77, "OFFER_AT", SEVEN);
            throw new IllegalStateException("crash before the commit");
        }))).hasMessageContaining("crash before the commit");

        assertThat(held.offeredBy(EIGHT)).isEmpty();
        assertThat(deadlines.claimDue(EIGHT, 10, java.time.Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void aHoldShouldBeVisibleToOthersOnlyOnceItsDecisionCommits() throws Exception {
        Transactions tx = db.database().transactions();
        java.util.concurrent.CompletableFuture<Map<org.hotline81890.partners.ProviderId, Integer>> seenInside =
                new java.util.concurrent.CompletableFuture<>();
        tx.inTransaction(c -> held.exclusively(() -> {
            held.hold(new WorkOrderRef("78"), FIRM, SEVEN);
            // another thread (another connection) does not see the uncommitted hold
            Thread.ofVirtual().start(() -> seenInside.complete(held.offeredBy(EIGHT)));
            try {
                return seenInside.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(seenInside.get()).isEmpty();
        assertThat(held.offeredBy(EIGHT)).isEqualTo(Map.of(FIRM, 1));
    }
}
