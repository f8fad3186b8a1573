package org.hotline81890.gateway.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The HOTLINE_* environment every whole-application IT starts from: HTTP on a free loopback port, the test's own
 * database, its admin token and data directory, FastAGI off, and a database connect timeout of 30 s (a cold
 * JVM's first connection on a loaded 2-core machine can take longer than the shipped 250 ms). The returned map is
 * mutable: a test adds or overrides the keys of the part it drives.
 */
public final class TestEnv {
    private TestEnv() {
    }

    public static Map<String, String> base(TestDatabase db, Path dataDir, String adminToken) {
        return new HashMap<>(Map.of("HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_DB_URL", db.url(), "HOTLINE_DB_USER", TestDatabase.user(),
                "HOTLINE_DB_PASSWORD", TestDatabase.password(), "HOTLINE_HTTP_ADMIN_TOKEN", adminToken,
                "HOTLINE_AGI_ENABLED", "false", "HOTLINE_DATA_DIR", dataDir.toString(),
                "HOTLINE_DB_CONNECT_TIMEOUT", "30s"));
    }

    /**
     * {@link #base} for a test that watches dispatch happen: no sample network (the test saves its own providers),
     * no provider or load caching (a saved provider counts at once), outbox and scheduler polled every 50 ms.
     */
    public static Map<String, String> dispatching(TestDatabase db, Path dataDir, String adminToken) {
        Map<String, String> env = base(db, dataDir, adminToken);
        env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms",
                "HOTLINE_PARTNERS_LOAD_CACHE", "0ms", "HOTLINE_OUTBOX_POLL_INTERVAL", "50ms",
                "HOTLINE_SCHEDULER_POLL_INTERVAL", "50ms"));
        return env;
    }
}
