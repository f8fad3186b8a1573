package org.hotline81890.gateway.channel.agi;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries an idempotent storage call that InnoDB chose as a deadlock victim (SQLSTATE 40001, "try restarting
 * transaction"). Under a burst of calls the work-order store's concurrent creates deadlock on index gap locks;
 * intake is idempotent on the call's key, so running it again is safe. Other storage failures are not retried.
 */
final class Deadlocks {
    private static final Logger LOG = LoggerFactory.getLogger(Deadlocks.class);
    private static final int ATTEMPTS = 5;

    private Deadlocks() {
    }

    static <T> T retry(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (StorageUnavailableException e) {
                if (attempt >= ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                LOG.debug("deadlock victim, attempt {} of {}", attempt, ATTEMPTS);
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 10_000_000L * attempt));
            }
        }
    }

    static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "40001".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
