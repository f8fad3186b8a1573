package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nested units join the outer transaction: one connection, one commit, one rollback, retried as a whole. */
class TransactionsIT {
    private static TestDatabase db;
    private static Transactions tx;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        tx = db.database().transactions();
        tx.inTransaction(c -> exec(c, "CREATE TABLE tx_probe (id INT PRIMARY KEY, n INT NOT NULL)"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        tx.inTransaction(c -> exec(c, "DELETE FROM tx_probe"));
        tx.inTransaction(c -> exec(c, "INSERT INTO tx_probe VALUES (1, 0), (2, 0)"));
    }

    @Test
    void nestedUnitsShouldRunOnTheOuterConnectionAndCommitWithIt() {
        AtomicInteger seen = new AtomicInteger();
        tx.inTransaction(outer -> {
            tx.inTransaction(inner -> {
                assertThat(inner).isSameAs(outer);
                return exec(inner, "UPDATE tx_probe SET n=7 WHERE id=1");
            });
            int joinedRead = tx.read(r -> n(r, 1));
            assertThat(joinedRead).as("the joined read sees the uncommitted write").isEqualTo(7);
            assertThat(otherConnection(1)).as("others do not see it before the commit").isZero();
            tx.afterCommit(seen::incrementAndGet);
            assertThat(seen).as("after-commit work waits for the commit").hasValue(0);
            return null;
        });
        assertThat(seen).hasValue(1);
        assertThat(otherConnection(1)).isEqualTo(7);
        assertThat(tx.inTransaction()).isFalse();
    }

    @Test
    void aRememberedValueShouldLastExactlyAsLongAsItsTransaction() {
        tx.remember("row", "outside");
        assertThat(tx.remembered("row", String.class)).isEmpty();
        tx.inTransaction(outer -> {
            tx.remember("row", "locked");
            return tx.inTransaction(inner -> {
                assertThat(tx.remembered("row", String.class)).contains("locked");
                return null;
            });
        });
        tx.inTransaction(next -> {
            assertThat(tx.remembered("row", String.class)).as("a new transaction starts empty").isEmpty();
            return null;
        });
    }

    @Test
    void aFailureAfterANestedUnitShouldRollBackBothAndSkipAfterCommitWork() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> tx.inTransaction(outer -> {
            tx.inTransaction(inner -> exec(inner, "UPDATE tx_probe SET n=5 WHERE id=1"));
            tx.afterCommit(ran::incrementAndGet);
            throw new IllegalStateException("the decision failed");
        })).hasMessage("the decision failed");
        assertThat(otherConnection(1)).isZero();
        assertThat(ran).hasValue(0);
        assertThat(tx.inTransaction()).isFalse();
    }

    @Test
    void aDeadlockInANestedUnitShouldRetryTheWholeUnitEvenWhenCaughtInBetween() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch bothLocked = new CountDownLatch(2);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> a = threads.submit(() -> lockBoth(1, 2, bothLocked, attempts));
            Future<?> b = threads.submit(() -> lockBoth(2, 1, bothLocked, attempts));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        }
        assertThat(attempts.get()).as("the deadlock victim ran again").isGreaterThanOrEqualTo(3);
        assertThat(otherConnection(1)).as("each unit added 1 to both rows exactly once").isEqualTo(2);
        assertThat(otherConnection(2)).isEqualTo(2);
    }

    /** Adds 1 to {@code first}, waits until the other thread holds its first row, then adds 1 to {@code second}. */
    private static void lockBoth(int first, int second, CountDownLatch bothLocked, AtomicInteger attempts) {
        tx.inTransaction(outer -> {
            int attempt = attempts.incrementAndGet();
            exec(outer, "UPDATE tx_probe SET n=n+1 WHERE id=" + first);
            if (attempt <= 2) {
                bothLocked.countDown();
                await(bothLocked);
            }
            try {
                tx.inTransaction(inner -> exec(inner, "UPDATE tx_probe SET n=n+1 WHERE id=" + second));
            } catch (RuntimeException swallowed) {
                // a careless caller: the outer unit must still roll back and run again
            }
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int otherConnection(int id) {
        try (Connection c = db.database().dataSource().getConnection()) {
            return n(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int n(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n FROM tx_probe WHERE id=?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
