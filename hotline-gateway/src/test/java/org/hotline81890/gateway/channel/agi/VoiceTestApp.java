package org.hotline81890.gateway.channel.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.CuttableProxy;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.wiring.VoiceModule;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.ami.AmiServerConfig;
import org.hotline81890.simulators.ami.AmiServerSimulator;

/**
 * The whole gateway (HotlineApp on real MariaDB) with the voice module, facing the Asterisk simulator: AMI on a
 * port of the simulator, FastAGI on a port of the gateway. Every port is picked by the OS.
 */
public final class VoiceTestApp implements AutoCloseable {
    private final TestDatabase db;
    private final AmiServerSimulator ami;
    private final HotlineApp app;
    private final VoiceModule voice;
    private final AgiCallSimulator asterisk = new AgiCallSimulator();
    private final CuttableProxy dbProxy;

    private VoiceTestApp(TestDatabase db, CuttableProxy dbProxy, AmiServerSimulator ami, HotlineApp app,
                         VoiceModule voice) {
        this.db = db;
        this.dbProxy = dbProxy;
        this.ami = ami;
        this.app = app;
        this.voice = voice;
    }

    public static VoiceTestApp start(Path dataDir, Map<String, String> extra) {
        TestDatabase db = TestDatabase.create();
        CuttableProxy proxy = CuttableProxy.of(db.url());
        AmiServerSimulator ami;
        try {
            ami = new AmiServerSimulator(AmiServerConfig.defaults()).start();
        } catch (IOException e) {
            proxy.close();
            db.close();
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(Map.ofEntries(
                Map.entry("HOTLINE_HTTP_PORT", "0"), Map.entry("HOTLINE_HTTP_HOST", "127.0.0.1"),
                Map.entry("HOTLINE_DB_URL", proxy.rewrite(db.url())), Map.entry("HOTLINE_DB_USER", TestDatabase.user()),
                Map.entry("HOTLINE_DB_PASSWORD", TestDatabase.password()),
                Map.entry("HOTLINE_HTTP_ADMIN_TOKEN", "voice-it-token-0123"),
                Map.entry("HOTLINE_DATA_DIR", dataDir.toString()),
                Map.entry("HOTLINE_AGI_ENABLED", "true"), Map.entry("HOTLINE_AGI_PORT", "0"),
                Map.entry("HOTLINE_AGI_BIND", "127.0.0.1"), Map.entry("HOTLINE_AGI_ALLOWED_HOSTS", "127.0.0.1"),
                Map.entry("HOTLINE_AGI_TERMINALS_FILE",
                        repoRoot().resolve("config/asterisk/one-key-terminals.txt").toString()),
                Map.entry("HOTLINE_AMI_ENABLED", "true"), Map.entry("HOTLINE_AMI_PORT", Integer.toString(ami.port())),
                Map.entry("HOTLINE_AMI_USERNAME", "hotline"), Map.entry("HOTLINE_AMI_PASSWORD", "hotline-secret"),
                Map.entry("HOTLINE_AMI_RECONNECT_INITIAL", "50ms"), Map.entry("HOTLINE_AMI_RECONNECT_MAX", "500ms"),
                Map.entry("HOTLINE_AMI_ORIGINATE_TIMEOUT", "5s"),
                Map.entry("HOTLINE_OUTBOX_POLL_INTERVAL", "100ms"),
                Map.entry("HOTLINE_OUTBOX_BACKOFF_INITIAL", "200ms")));
        env.putAll(extra);
        VoiceModule[] voice = new VoiceModule[1];
        try {
            HotlineApp app = HotlineApp.start(HotlineConfig.load(null, env), System.out, List.of(core -> {
                voice[0] = new VoiceModule(core);
                return voice[0];
            }));
            return new VoiceTestApp(db, proxy, ami, app, voice[0]);
        } catch (RuntimeException e) {
            ami.close();
            proxy.close();
            db.close();
            throw e;
        }
    }

    /** Modules run from their own directory under Maven; the repo root is its parent. */
    static Path repoRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    public AgiCallResult call(AgiCallSpec.Builder spec, CallerScript caller) {
        return asterisk.run("127.0.0.1", voice.agiPort(), spec.build(), caller);
    }

    public HotlineApp app() {
        return app;
    }

    public VoiceModule voice() {
        return voice;
    }

    public AmiServerSimulator ami() {
        return ami;
    }

    public TestDatabase db() {
        return db;
    }

    /** The gateway reaches MariaDB through this: {@code cut()} is the database going away. */
    public CuttableProxy dbProxy() {
        return dbProxy;
    }

    public int agiPort() {
        return voice.agiPort();
    }

    @Override
    public void close() {
        app.close();
        ami.close();
        dbProxy.close();
        db.close();
    }
}
