package org.hotline81890.gateway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import org.hotline81890.gateway.storage.mysql.Database;

/**
 * A fresh database on the real MariaDB that src/bin/hotline-test starts (system properties hotline.test.db.*), migrated
 * by Flyway, dropped on close. ITs fail, never skip, when no database is configured: a skipped IT hides a broken CI.
 */
public final class TestDatabase implements AutoCloseable {
    private final String name;
    private final Database database;

    private TestDatabase(String name, Database database) {
        this.name = name;
        this.database = database;
    }

    public static TestDatabase create() {
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + serverUrl(), e);
        }
        Database db = Database.open(urlOf(name), user(), password(), 16, 2000, Optional.empty());
        db.migrate();
        return new TestDatabase(name, db);
    }

    public static String configuredUrl() {
        String url = System.getProperty("hotline.test.db.url", "");
        if (url.isBlank()) {
            throw new IllegalStateException("No test MariaDB configured (system property hotline.test.db.url). "
                    + "Run the suite with src/bin/hotline-test, which starts one.");
        }
        return url;
    }

    private static String serverUrl() {
        String url = configuredUrl();
        int slash = url.indexOf('/', "jdbc:mysql://".length());
        int query = url.indexOf('?');
        return url.substring(0, slash) + "/" + (query >= 0 ? url.substring(query) : "");
    }

    public String url() {
        return urlOf(name);
    }

    private static String urlOf(String db) {
        String url = configuredUrl();
        int slash = url.indexOf('/', "jdbc:mysql://".length());
        int query = url.indexOf('?');
        return url.substring(0, slash) + "/" + db + (query >= 0 ? url.substring(query) : "");
    }

    public static String user() {
        return System.getProperty("hotline.test.db.user", "hotline");
    }

    public static String password() {
        return System.getProperty("hotline.test.db.password", "");
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }
}
