package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import org.hotline81890.gateway.workorder.StorageFullException;
import org.hotline81890.gateway.workorder.StorageUnavailableException;

/**
 * Runs JDBC work in one transaction, and turns "cannot reach the database" into
 * {@link StorageUnavailableException}.
 *
 * <p>Transactions nest by joining: {@link #inTransaction} or {@link #read} called on a thread that is already
 * inside {@link #inTransaction} of the same data source runs on that transaction's connection and commits with it.
 * So a use case can put several stores' writes (a partner lock, an offer, its deadlines, the work order's move and
 * its outbox rows) into one transaction on one pooled connection without the stores knowing. A deadlock or lock
 * wait timeout inside a joined unit rolls back and retries the outermost unit, even if a caller in between caught
 * the exception; {@link #afterCommit} runs code only once the outermost unit has committed.
 */
public final class Transactions {
    private static final int MAX_ATTEMPTS = 5;
    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();
    private final DataSource dataSource;
    /** Shared with the committer lane's transactions ({@link #reportRoomTo}): one database, one memory. */
    private volatile AtomicReference<Refusal> refused = new AtomicReference<>();

    /** The last write the database refused for want of room. */
    private record Refusal(Instant at, String reason) {
    }

    /** The transaction this thread runs in: its connection, whether a conflict doomed it, what runs after commit. */
    private static final class Open {
        private final DataSource dataSource;
        private final Connection connection;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final Map<Object, Object> remembered = new HashMap<>();
        private SQLException conflict;

        Open(DataSource dataSource, Connection connection) {
            this.dataSource = dataSource;
            this.connection = connection;
        }
    }

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes this one refuses for want of room count in {@code main}'s {@link #outOfRoom} (a lane of its pool). */
    void reportRoomTo(Transactions main) {
        this.refused = main.refused;
    }

    /** Work that needs a connection; may throw SQLException. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction. A deadlock (1213) or lock-wait timeout (1205) rolls back everything the
     * attempt did, so the whole unit is run again, a few times, before giving up.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try {
            return inTransactionOnce(work);
        } catch (StorageFullException e) {
            refused.set(new Refusal(Instant.now(), e.getMessage()));
            throw e;
        }
    }

    private <T> T inTransactionOnce(SqlWork<T> work) {
        Open open = joinable();
        if (open != null) {
            return joined(open, work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RetryableConflict e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw translate(e.cause);
                }
            }
        }
    }

    /** Whether this thread is inside {@link #inTransaction} of this data source (work joins it). */
    public boolean inTransaction() {
        return joinable() != null;
    }

    /**
     * Runs {@code action} once the transaction this thread is in has committed (not at all if it rolls back; again
     * with the retry's own registration if it is retried), or now when there is none.
     */
    public void afterCommit(Runnable action) {
        Open open = joinable();
        if (open == null) {
            action.run();
        } else {
            open.afterCommit.add(action);
        }
    }

    /**
     * Remembers {@code value} under {@code key} for the rest of this thread's transaction (a row it holds locked, so
     * a store need not read it again); does nothing outside a transaction. Forgotten at commit or rollback.
     */
    public void remember(Object key, Object value) {
        Open open = joinable();
        if (open != null) {
            open.remembered.put(key, value);
        }
    }

    /** What {@link #remember} kept under {@code key} in this thread's transaction, if anything. */
    public <T> Optional<T> remembered(Object key, Class<T> type) {
        Open open = joinable();
        return open == null ? Optional.empty() : Optional.ofNullable(open.remembered.get(key)).map(type::cast);
    }

    private Open joinable() {
        Open open = OPEN.get();
        return open != null && open.dataSource == dataSource ? open : null;
    }

    private static <T> T joined(Open open, SqlWork<T> work) {
        try {
            return work.run(open.connection);
        } catch (SQLException e) {
            if (isConflict(e)) {
                open.conflict = e;
                throw new RetryableConflict(e);
            }
            throw translate(e);
        }
    }

    private <T> T once(SqlWork<T> work) {
        Open open;
        T result;
        try (Connection c = dataSource.getConnection()) {
            if (c.getAutoCommit()) {
                c.setAutoCommit(false);
            }
            open = new Open(dataSource, c);
            OPEN.set(open);
            try {
                result = work.run(c);
                if (open.conflict != null) {
                    // a joined unit hit a deadlock and someone caught it: the database rolled back, so must we
                    throw open.conflict;
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                OPEN.remove();
            }
        } catch (SQLException e) {
            if (isConflict(e)) {
                throw new RetryableConflict(e);
            }
            throw translate(e);
        }
        open.afterCommit.forEach(Runnable::run);
        return result;
    }

    private static boolean isConflict(SQLException e) {
        return e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
    }

    /** A lock conflict the database resolved by rolling one transaction back: safe to run the unit again. */
    private static final class RetryableConflict extends RuntimeException {
        private final SQLException cause;

        RetryableConflict(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /**
     * Short work outside a transaction (a read, or one self-contained statement): on a pool without auto-commit
     * ({@link Database}) it ends with a commit, so a single-statement write through here is committed as before and
     * the connection goes back to the pool clean. No deadlock retry: use {@link #inTransaction} for units of work.
     */
    public <T> T read(SqlWork<T> work) {
        try {
            return readOnce(work);
        } catch (StorageFullException e) {
            refused.set(new Refusal(Instant.now(), e.getMessage()));
            throw e;
        }
    }

    /**
     * Why the database is out of room, when it refused a write as full (disk or tablespace) within {@code memory};
     * empty otherwise. Nothing asks the server for its free space: a full disk shows only as refused writes, and a
     * small row may still fit a part-used page after a large one was refused.
     */
    public Optional<String> outOfRoom(Duration memory) {
        Refusal last = refused.get();
        if (last == null) {
            return Optional.empty();
        }
        Duration ago = Duration.between(last.at(), Instant.now());
        return ago.compareTo(memory) > 0 ? Optional.empty() : Optional.of("the database refused to store a write "
                + ago.toSeconds() + " s ago: " + last.reason());
    }

    private <T> T readOnce(SqlWork<T> work) {
        Open open = joinable();
        if (open != null) {
            return joined(open, work);
        }
        try (Connection c = dataSource.getConnection()) {
            T result = work.run(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return result;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static RuntimeException translate(SQLException e) {
        if (isUnavailable(e)) {
            return new StorageUnavailableException("database unavailable: " + e.getMessage(), e);
        }
        if (cannotStore(e)) {
            // the request was not stored: a retryable refusal (503 + Retry-After, ESME_RX_T_APPN) that says why in
            // the channel's log line, never a 500 nor an OK
            return new StorageFullException("database cannot store (disk or table full, error "
                    + e.getErrorCode() + "): " + e.getMessage(), e);
        }
        return new IllegalStateException("SQL failure (" + e.getSQLState() + "/" + e.getErrorCode() + "): "
                + e.getMessage(), e);
    }

    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || (state != null && state.startsWith("08"));
    }

    /**
     * The server is out of room: 1021 ER_DISK_FULL, 1114 ER_RECORD_FILE_FULL ("The table is full": a tablespace at
     * its max, or a temporary table over its limit), and write errors carrying errno 28 ENOSPC (3 EE_WRITE, 1026
     * ER_ERROR_ON_WRITE, 1030 ER_GET_ERRNO, 1180 ER_ERROR_DURING_COMMIT). Connector/J raises these as plain
     * SQLExceptions (SQLState HY000), which would otherwise read as a bug.
     */
    static boolean cannotStore(SQLException e) {
        int code = e.getErrorCode();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        boolean enospc = msg.contains("errno: 28") || msg.contains("Errcode: 28") || msg.contains("error 28 ")
                || msg.contains("No space left on device");
        return code == 1021 || code == 1114 || (code == 3 || code == 1026 || code == 1030 || code == 1180) && enospc;
    }

    static boolean isDuplicateKey(SQLException e, String key) {
        return e.getErrorCode() == 1062 && e.getMessage() != null && e.getMessage().contains(key);
    }
}
