package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and the schema. Flyway migrations under db/migration are the only source of the schema, for
 * production MySQL/MariaDB and for the embedded default alike.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Duration PAUSE_MAX = Duration.ofSeconds(4);
    private final HikariDataSource dataSource;
    private final Optional<EmbeddedMariaDb> embedded;
    private final Transactions transactions;
    private final List<Database> lanes = new CopyOnWriteArrayList<>();

    private Database(HikariDataSource dataSource, Optional<EmbeddedMariaDb> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.transactions = new Transactions(dataSource);
    }

    /** Connects (starting the embedded MariaDB when db.url is empty). */
    public static Database open(HotlineConfig.Db db, HotlineConfig.Data data) {
        return open(db, data, false);
    }

    /**
     * As {@link #open(HotlineConfig.Db, HotlineConfig.Data)}; with {@code attach}, a command run beside a running
     * hotline uses that hotline's embedded server rather than starting (and so stopping) one of its own.
     */
    public static Database open(HotlineConfig.Db db, HotlineConfig.Data data, boolean attach) {
        Optional<EmbeddedMariaDb.Running> running = attach && db.embedded() ? EmbeddedMariaDb.running(data.dir())
                : Optional.empty();
        if (running.isPresent()) {
            EmbeddedMariaDb.Running r = running.get();
            return open(r.url(), r.user(), r.password(), 2, db.connectTimeout().toMillis(), Optional.empty());
        }
        Optional<EmbeddedMariaDb> embedded = db.embedded()
                ? Optional.of(EmbeddedMariaDb.start(data.dir(), db.embeddedPort(), db.embeddedServerArgs()))
                : Optional.empty();
        String url = embedded.map(EmbeddedMariaDb::jdbcUrl).orElse(db.url());
        String user = embedded.map(EmbeddedMariaDb::user).orElse(db.user());
        String password = embedded.map(EmbeddedMariaDb::password).orElse(db.password());
        Database opened = open(url, user, password, db.poolSize(), db.connectTimeout().toMillis(), embedded);
        try {
            opened.awaitFirstConnection(db.startPatience());
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    /**
     * Waits for the database's first answer, trying again for up to {@code patience} (db.start-patience): a busy
     * server's first connection may take longer than db.connect-timeout, and a start should not fail for it. Each
     * try waits db.connect-timeout; a refused login fails at once (waiting does not fix a password).
     *
     * @throws StorageUnavailableException naming the database, the tries and the last error when it never answered
     */
    public void awaitFirstConnection(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = Duration.ofMillis(250);
        for (int tries = 1; ; tries++) {
            Optional<SQLException> failed = firstAnswer();
            if (failed.isEmpty()) {
                return;
            }
            SQLException e = failed.get();
            if (loginRefused(e)) {
                throw new StorageUnavailableException("the database at " + dataSource.getJdbcUrl()
                        + " refused the login of " + dataSource.getUsername() + ": " + rootMessage(e), e);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new StorageUnavailableException("the database at " + dataSource.getJdbcUrl()
                        + " did not answer within " + patience.toSeconds() + " s (db.start-patience; " + tries
                        + " tries of db.connect-timeout " + dataSource.getConnectionTimeout() + " ms each): "
                        + rootMessage(e), e);
            }
            LOG.warn("the database at {} did not answer yet (try {}: {}); trying again for up to {} s "
                    + "(db.start-patience)", dataSource.getJdbcUrl(), tries, rootMessage(e),
                    Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L));
            try {
                Thread.sleep(pause);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("interrupted while waiting for the database", e);
            }
            pause = pause.multipliedBy(2).compareTo(PAUSE_MAX) > 0 ? PAUSE_MAX : pause.multipliedBy(2);
        }
    }

    private Optional<SQLException> firstAnswer() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e);
        }
    }

    /** Access denied (SQLSTATE 28000, MariaDB error 1045) anywhere in the chain. */
    static boolean loginRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException q && ("28000".equals(q.getSQLState()) || q.getErrorCode() == 1045)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    public static Database open(String url, String user, String password, int poolSize, long connectTimeoutMs,
                                Optional<EmbeddedMariaDb> embedded) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("hotline-db");
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setConnectionTimeout(Math.max(250, connectTimeoutMs));
        hc.setValidationTimeout(Math.max(250, Math.min(connectTimeoutMs, 5000)));
        // Fail fast only on the first connection's credentials; afterwards the pool waits for the database.
        hc.setInitializationFailTimeout(-1);
        // READ COMMITTED: no gap locks, so concurrent intakes and the relay's SKIP LOCKED claims do not deadlock on
        // index ranges (REPEATABLE READ, the default, deadlocks under concurrent intake). Each unit of work is one
        // transaction and re-reads what it locks, so it needs no repeatable snapshot.
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Connections are handed out with auto-commit OFF and every unit of work ends in commit or rollback
        // (Transactions; Hikari rolls back a connection returned dirty): toggling it around each transaction would
        // cost two "SET autocommit" round trips per transaction.
        hc.setAutoCommit(false);
        hc.addDataSourceProperty("useLocalSessionState", "true");
        hc.addDataSourceProperty("useLocalTransactionState", "true");
        hc.addDataSourceProperty("cachePrepStmts", "true");
        hc.addDataSourceProperty("prepStmtCacheSize", "250");
        // Our statements are longer than the default 256 characters: without this each prepare re-parsed its SQL.
        hc.addDataSourceProperty("prepStmtCacheSqlLimit", "4096");
        hc.addDataSourceProperty("cacheServerConfiguration", "true");
        hc.addDataSourceProperty("maintainTimeStats", "false");
        hc.addDataSourceProperty("rewriteBatchedStatements", "true");
        hc.addDataSourceProperty("connectionTimeZone", "UTC");
        hc.addDataSourceProperty("characterEncoding", "UTF-8");
        hc.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(250, connectTimeoutMs)));
        return new Database(new HikariDataSource(hc), embedded);
    }

    /**
     * A small pool of its own on the same database for the SMS group commit's committers: on the shared pool a
     * batch queued behind the outbox relay (docs/sms.md). Its batches send a batch's child rows in one
     * multi-statement round trip (BatchRows), so it allows multiple queries. Closed with this database.
     */
    public Database committerLane(int size) {
        String url = dataSource.getJdbcUrl();
        Database lane = open(url + (url.contains("?") ? "&" : "?") + "allowMultiQueries=true", dataSource.getUsername(),
                dataSource.getPassword(), size, dataSource.getConnectionTimeout(), Optional.empty());
        lane.transactions.reportRoomTo(transactions);
        lanes.add(lane);
        return lane;
    }

    /** Applies pending Flyway migrations; returns how many ran. */
    public int migrate() {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .failOnMissingLocations(true).load();
        var result = flyway.migrate();
        LOG.info("database schema at version {} ({} migrations applied now)", schemaVersion(flyway),
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    /** The version the schema is at (Flyway's result names only a version it migrated to, null on a restart). */
    public String schemaVersion() {
        return schemaVersion(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load());
    }

    private static String schemaVersion(Flyway flyway) {
        var current = flyway.info().current();
        return current == null || current.getVersion() == null ? "empty" : current.getVersion().getVersion();
    }

    /** True when the database answers a trivial query within the connect timeout. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public Transactions transactions() {
        return transactions;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        lanes.forEach(Database::close);
        dataSource.close();
        embedded.ifPresent(EmbeddedMariaDb::close);
    }
}
