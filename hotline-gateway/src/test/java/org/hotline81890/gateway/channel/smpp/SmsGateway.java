package org.hotline81890.gateway.channel.smpp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * What the ITs that drive SMS end to end start from: a fresh MariaDB database, the independent node SMSC
 * (src/simulators/smsc, npm smpp) and the hotline with SMS on and bound to it, partners off and the outbox polled
 * every 20 ms. {@code env} adds or overrides HOTLINE_* keys; {@code smscArgs} go to the SMSC after its credentials.
 */
public final class SmsGateway implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(30);
    private final TestDatabase db;
    private final SmscProcess smsc;
    private final Map<String, String> env;
    private HotlineApp app;

    private SmsGateway(TestDatabase db, SmscProcess smsc, Map<String, String> env) {
        this.db = db;
        this.smsc = smsc;
        this.env = env;
    }

    public static SmsGateway start(Path dataDir, String adminToken, Map<String, String> env, String... smscArgs)
            throws IOException {
        TestDatabase db = TestDatabase.create();
        SmsGateway gateway = null;
        try {
            SmscProcess smsc = SmscProcess.start(Stream.concat(Stream.of("--system-id", "hotline", "--password",
                    "secret"), Stream.of(smscArgs)).toArray(String[]::new));
            Map<String, String> all = TestEnv.base(db, dataDir, adminToken);
            all.putAll(Map.of("HOTLINE_SMPP_ENABLED", "true", "HOTLINE_SMPP_PORT", String.valueOf(smsc.port()),
                    "HOTLINE_SMPP_PASSWORD", "secret", "HOTLINE_SMPP_SUBMIT_RATE", "2000",
                    "HOTLINE_PARTNERS_ENABLED", "false", "HOTLINE_OUTBOX_POLL_INTERVAL", "20ms"));
            all.putAll(env);
            gateway = new SmsGateway(db, smsc, all);
            gateway.startApp();
            return gateway;
        } catch (RuntimeException | IOException e) {
            if (gateway != null) {
                gateway.close();
            } else {
                db.close();
            }
            throw e;
        }
    }

    /** Starts the hotline (again, after {@link #stopApp}) on the same database and SMSC; waits for its bind. */
    public void startApp() {
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out);
        smsc.await(e -> "bind".equals(e.getString("event")) && e.getBoolean("ok"), WAIT);
    }

    /** Stops the hotline as a kill would leave the database: the SMSC and the rows stay. */
    public void stopApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    public TestDatabase db() {
        return db;
    }

    public SmscProcess smsc() {
        return smsc;
    }

    public HotlineApp app() {
        return app;
    }

    /** Queues one UCS-2 text from {@code phone}; {@code loseResps} OK answers are lost on the way (redelivered). */
    public int deliver(String phone, String text, int loseResps) {
        JsonObject m = new JsonObject().put("cmd", "deliver").put("text", text).put("coding", "ucs2")
                .put("source", phone).put("loseResps", loseResps);
        return smsc.request(m, "queued", WAIT).getJsonArray("ids").getInteger(0);
    }

    /** How many texts the SMSC accepted for {@code phone} that contain {@code containing}. */
    public long submitted(String phone, String containing) {
        return smsc.events().stream().filter(e -> "submit".equals(e.getString("event"))
                && phone.equals(e.getString("dest")) && e.getInteger("status") == 0
                && e.getString("text", "").contains(containing)).count();
    }

    public List<WorkOrder> orders(String phone) {
        return app.core().store().listByCaller(phone, 100);
    }

    @Override
    public void close() {
        stopApp();
        smsc.close();
        db.close();
    }
}
