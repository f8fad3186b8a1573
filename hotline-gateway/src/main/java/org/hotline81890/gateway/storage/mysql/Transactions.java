package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;

import org.hotline81890.gateway.workorder.StorageUnavailableException;

/**
 * Runs JDBC work in one transaction, and turns "cannot reach the database" into
 * {@link StorageUnavailableException}.
 */
public final class Transactions {
    private static final int MAX_ATTEMPTS = 5;
    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
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

    private <T> T once(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1213 || e.getErrorCode() == 1205) {
                throw new RetryableConflict(e);
            }
            throw translate(e);
        }
    }

    /** A lock conflict the database resolved by rolling one transaction back: safe to run the unit again. */
    private static final class RetryableConflict extends RuntimeException {
        private final SQLException cause;

        RetryableConflict(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Reads with auto-commit: no transaction needed for one statement. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
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
        return new IllegalStateException("SQL failure (" + e.getSQLState() + "/" + e.getErrorCode() + "): "
                + e.getMessage(), e);
    }

    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || (state != null && state.startsWith("08"));
    }

    static boolean isDuplicateKey(SQLException e, String key) {
        return e.getErrorCode() == 1062 && e.getMessage() != null && e.getMessage().contains(key);
    }
}
