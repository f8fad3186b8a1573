package org.hotline81890.gateway.channel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.people.AddResult;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.Passwords;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.storage.mysql.MySqlPersonStore;
import org.hotline81890.gateway.storage.mysql.MySqlSessionStore;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;

/** The whole hotline on the test database, with one person of every role (password = login + "-password"). */
public final class WebTestApp implements AutoCloseable {
    public static final String TOKEN = "web-it-token-0123456789";
    private final TestDatabase db;
    private final HotlineApp app;
    private final Path dataDir;

    private WebTestApp(TestDatabase db, HotlineApp app, Path dataDir) {
        this.db = db;
        this.app = app;
        this.dataDir = dataDir;
    }

    public static WebTestApp start(Path dataDir, Map<String, String> extraEnv) {
        TestDatabase db = TestDatabase.create();
        Map<String, String> env = TestEnv.base(db, dataDir, TOKEN);
        env.putAll(extraEnv);
        HotlineApp app = HotlineApp.start(HotlineConfig.load(null, env), System.out);
        People people = people(db);
        for (Role r : Role.values()) {
            if (r == Role.ADMIN) {
                continue;
            }
            AddResult added = people.add(new NewPerson(login(r), r, r.label() + "测试", r.providerStaff()
                    ? Optional.of("P-" + r.name()) : Optional.empty(), r == Role.AGENT ? Optional.of("1001")
                    : Optional.empty()), password(login(r)));
            if (!(added instanceof AddResult.Created)) {
                throw new IllegalStateException("cannot create " + r + ": " + added);
            }
        }
        return new WebTestApp(db, app, dataDir);
    }

    public static People people(TestDatabase db) {
        MySqlPersonStore store = new MySqlPersonStore(db.database().transactions());
        return new People(store, new MySqlSessionStore(db.database().transactions()), new Passwords(),
                Clock.systemUTC());
    }

    /** Adds a person who works for no provider, with the password {@link #password}(login). */
    public static void person(TestDatabase db, String login, Role role, String name, Optional<String> extension) {
        AddResult added = people(db).add(new NewPerson(login, role, name, Optional.empty(), extension),
                password(login));
        if (!(added instanceof AddResult.Created)) {
            throw new IllegalStateException("cannot create " + login + ": " + added);
        }
    }

    public static String login(Role r) {
        return "it-" + r.wire();
    }

    public static String password(String login) {
        return login + "-password";
    }

    /** The first admin's password, which the app wrote to the data directory (a test has no terminal). */
    public String adminPassword() {
        try {
            return Files.readString(dataDir.resolve("first-admin-password"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client logged in as the person of that role. */
    public WebClient as(Role r) {
        WebClient c = new WebClient(app.httpPort());
        return r == Role.ADMIN ? c.loggedIn("admin", adminPassword()) : c.loggedIn(login(r), password(login(r)));
    }

    public HotlineApp app() {
        return app;
    }

    public TestDatabase db() {
        return db;
    }

    public int port() {
        return app.httpPort();
    }

    @Override
    public void close() {
        app.close();
        db.close();
    }
}
