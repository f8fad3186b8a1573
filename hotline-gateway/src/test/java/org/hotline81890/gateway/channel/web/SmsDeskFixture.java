package org.hotline81890.gateway.channel.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.channel.smpp.SmscProcess;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.Passwords;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.storage.mysql.MySqlPersonStore;
import org.hotline81890.gateway.storage.mysql.MySqlSessionStore;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * The hotline on a fresh MariaDB database with SMS through the independent node SMSC (partners off) and one agent:
 * what the tests of the desk's SMS inbox start. {@link #completed} takes a resident's order to COMPLETED, its survey
 * asked, as a provider's 完成 would.
 */
final class SmsDeskFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    final TestDatabase db;
    final SmscProcess smsc;
    final HotlineApp app;

    private SmsDeskFixture(TestDatabase db, SmscProcess smsc, HotlineApp app) {
        this.db = db;
        this.smsc = smsc;
        this.app = app;
    }

    static SmsDeskFixture start(Path dataDir, String agent, String extension) throws Exception {
        TestDatabase db = TestDatabase.create();
        SmscProcess smsc = SmscProcess.start("--system-id", "hotline", "--password", "secret");
        Map<String, String> env = TestEnv.base(db, dataDir, "it-token-sms-desk-" + agent + "-0123456789");
        env.putAll(Map.of("HOTLINE_SMPP_ENABLED", "true", "HOTLINE_SMPP_PORT", String.valueOf(smsc.port()),
                "HOTLINE_SMPP_PASSWORD", "secret", "HOTLINE_SMPP_SUBMIT_RATE", "2000",
                "HOTLINE_PARTNERS_ENABLED", "false", "HOTLINE_OUTBOX_POLL_INTERVAL", "20ms"));
        HotlineApp app = HotlineApp.start(HotlineConfig.load(null, env), System.out);
        smsc.await(e -> "bind".equals(e.getString("event")) && e.getBoolean("ok"), WAIT);
        new People(new MySqlPersonStore(db.database().transactions()),
                new MySqlSessionStore(db.database().transactions()), new Passwords(), Clock.systemUTC())
                .add(new NewPerson(agent, Role.AGENT, agent, Optional.empty(), Optional.of(extension)),
                        password(agent));
        return new SmsDeskFixture(db, smsc, app);
    }

    static String password(String agent) {
        return agent + "-password";
    }

    /** A UCS-2 text from {@code phone} to the hotline. */
    void deliver(String phone, String text) {
        smsc.request(new JsonObject().put("cmd", "deliver").put("text", text).put("coding", "ucs2")
                .put("source", phone), "queued", WAIT);
    }

    /** An order of {@code phone}'s by SMS (a burst pipe, RP-01), taken to COMPLETED: its survey asked. */
    WorkOrder completed(String phone) {
        IntakeRequest request = IntakeRequest.of("it-desk-" + UUID.randomUUID(), Channel.SMS, phone,
                "楼道里的水管爆了，一直在漏水").withHints(Optional.empty(), Optional.of("RP-01"), Optional.empty());
        WorkOrder w = ((IntakeResult.Accepted) app.core().intake().receive(request)).workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            app.core().tracker().move(w.id(), s, "it", Channel.SYSTEM, "it: " + s, x -> List.of());
        }
        return app.core().store().find(w.id()).orElseThrow();
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        smsc.close();
        db.close();
    }
}
