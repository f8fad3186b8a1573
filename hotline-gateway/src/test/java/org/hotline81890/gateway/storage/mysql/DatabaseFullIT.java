package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.channel.smpp.SmscProcess;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.junit.jupiter.api.Test;

/**
 * Fault drill (issue 16): the embedded database out of room, portably and without root. The embedded MariaDB keeps
 * every table in a system tablespace capped at 96 MB ({@code innodb_data_file_path=…:autoextend:max:96M},
 * {@code innodb_file_per_table=0}); a filler table takes the rest until MariaDB answers 1114 "The table … is full",
 * what a full disk gives a server whose files cannot grow. A small row can still go into a part-used page, so a
 * request may still be stored for a while: the drill sends requests until the hotline refuses one, and checks that
 * each one answered 201 before that is stored whole, that the refusal is the retryable one saying the database is
 * full (HTTP 503 + Retry-After; SMPP ESME_RX_T_APPN), that {@code /health} says FULL (not DOWN) with the reason, that
 * nothing acknowledged earlier changed, and that once room is freed the same requests are taken by themselves.
 */
class DatabaseFullIT {
    private static final String TOKEN = "it-token-full-0123456789";
    private static final int ESME_RX_T_APPN = 0x64;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> CAPPED = List.of("--innodb-buffer-pool-size=32M", "--innodb-log-file-size=48M",
            "--innodb-file-per-table=0", "--innodb-data-file-path=ibdata1:12M:autoextend:max:96M");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFullDatabaseShouldGetTheRetryableRefusalSayWhyAndRecoverByItself() throws Exception {
        // a fixed place whose unpacked server binaries (mariadb/base, ~300 MB) a re-run keeps: unpacking them costs
        // most of a minute on a loaded machine; everything else is made afresh
        Path dir = Path.of("target", "full-it").toAbsolutePath();
        deleteAllBut(dir, dir.resolve("mariadb").resolve("base"));
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, CAPPED);
             SmscProcess smsc = SmscProcess.start("--system-id", "hotline", "--password", "secret",
                     "--redeliver-ms", "300")) {
            Map<String, String> env = new HashMap<>(Map.of("HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                    "HOTLINE_DB_URL", db.jdbcUrl(), "HOTLINE_DB_USER", db.user(), "HOTLINE_DB_PASSWORD",
                    db.password(), "HOTLINE_HTTP_ADMIN_TOKEN", TOKEN, "HOTLINE_AGI_ENABLED", "false",
                    "HOTLINE_DATA_DIR", dir.resolve("app").toString(), "HOTLINE_PARTNERS_ENABLED", "false"));
            env.putAll(Map.of("HOTLINE_SMPP_ENABLED", "true", "HOTLINE_SMPP_PORT", Integer.toString(smsc.port()),
                    "HOTLINE_SMPP_PASSWORD", "secret"));
            HotlineApp app = HotlineApp.start(HotlineConfig.load(null, env), System.out);
            try {
                smsc.await(e -> "bind".equals(e.getString("event")) && e.getBoolean("ok"), WAIT);
                Map<String, String> stored = new LinkedHashMap<>(); // ticket -> text, everything acknowledged
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> before = post(app, "before-" + i, "小区路灯坏了 before " + i);
                    assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
                    stored.put(ticket(before), "小区路灯坏了 before " + i);
                }
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                    int filled = fill(c);
                    // requests until the first refusal; each one taken before it must be stored whole
                    String refusedKey = null;
                    int taken = 0;
                    for (int i = 0; i < 2000 && refusedKey == null; i++) {
                        String text = "小区路灯坏了 full " + i;
                        HttpResponse<String> r = post(app, "full-" + i, text);
                        if (r.statusCode() == 201) {
                            stored.put(ticket(r), text);
                            assertThat(text(app, ticket(r))).as("taken while filling up").isEqualTo(text);
                            taken++;
                            continue;
                        }
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                        assertThat(r.headers().firstValue("Retry-After")).isPresent();
                        JsonObject why = new JsonObject(r.body());
                        assertThat(why.getString("error")).isEqualTo("storage full");
                        assertThat(why.getString("message")).contains("not stored").contains("out of room");
                        refusedKey = "full-" + i;
                    }
                    assertThat(refusedKey).as("a request refused once the database is full").isNotNull();
                    HttpResponse<String> health = get(app, "/health");
                    assertThat(health.statusCode()).isEqualTo(503);
                    JsonObject h = new JsonObject(health.body());
                    assertThat(h.getJsonObject("checks").getString("database")).as(health.body()).isEqualTo("FULL");
                    assertThat(h.getJsonObject("reasons").getString("database")).contains("1114");

                    long refusedSms = refusedSms(smsc, stored);
                    stored.forEach((ticket, text) -> assertThat(textOrEmpty(app, ticket)).as(ticket).isEqualTo(text));

                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TABLE filler");
                    }
                    String retried = refusedKey;
                    HttpResponse<String> again = Eventually.waitForValue("the refused request taken once room is"
                            + " back", WAIT, () -> java.util.Optional.of(post(app, retried, "小区路灯坏了 full "
                            + retried.substring("full-".length()))).filter(r -> r.statusCode() == 201));
                    stored.put(ticket(again), "小区路灯坏了 full " + retried.substring("full-".length()));
                    Eventually.waitFor("the refused SMS redelivered and taken", WAIT, () -> acked(smsc, refusedSms));
                    Eventually.waitFor("/health UP by itself", WAIT, () -> get(app, "/health").statusCode() == 200);
                    stored.forEach((ticket, text) -> assertThat(textOrEmpty(app, ticket)).as(ticket).isEqualTo(text));
                    assertThat(count(c, "SELECT COUNT(*) FROM work_order WHERE channel='WEB'"))
                            .as("one order per acknowledged request").isEqualTo(stored.size());
                    assertThat(count(c, "SELECT COUNT(*) FROM work_order WHERE text LIKE '路灯不亮 sms %'"))
                            .as("each SMS stored once").isEqualTo(smsSent);
                    System.out.printf("database full drill: %d MB of filler until error 1114, %d requests still"
                            + " taken into part-used pages (each stored whole), then 503 storage full + Retry-After,"
                            + " ESME_RX_T_APPN for SMS, /health FULL; after DROP of the filler the same request 201,"
                            + " the SMS redelivered and stored once, /health UP%n", filled, taken);
                }
            } finally {
                app.close();
            }
        } finally {
            deleteAllBut(dir, dir.resolve("mariadb").resolve("base"));
        }
    }

    private int smsSent;

    /** Texts until the ESME refuses one with ESME_RX_T_APPN; those acknowledged must be stored. Returns its id. */
    private long refusedSms(SmscProcess smsc, Map<String, String> stored) {
        for (int i = 0; i < 200; i++) {
            smsSent++;
            JsonObject q = smsc.request(new JsonObject().put("cmd", "deliver").put("text", "路灯不亮 sms " + i)
                    .put("coding", "ucs2").put("source", String.format("1390057%04d", i)), "queued", WAIT);
            long id = q.getJsonArray("ids").getLong(0);
            JsonObject resp = smsc.await(e -> "resp".equals(e.getString("event")) && e.getLong("id") == id, WAIT);
            if (Integer.valueOf(ESME_RX_T_APPN).equals(resp.getValue("status"))) {
                return id;
            }
            assertThat(resp.getValue("status")).as("deliver_sm_resp while full: stored or ESME_RX_T_APPN")
                    .isEqualTo(0);
        }
        throw new AssertionError("no SMS refused in 200 while the database is full");
    }

    private static boolean acked(SmscProcess smsc, long id) {
        return smsc.events().stream().anyMatch(e -> "resp".equals(e.getString("event")) && e.getLong("id") == id
                && Integer.valueOf(0).equals(e.getValue("status")));
    }

    /**
     * Inserts rows of 256 KB (under the server's max_allowed_packet), then ever smaller ones into the space left in
     * part-used pages, each size until MariaDB says the table is full; returns the MB that went in.
     */
    private static int fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE filler (id INT AUTO_INCREMENT PRIMARY KEY, b LONGBLOB) ENGINE=InnoDB");
        }
        long bytes = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO filler (b) VALUES (?)")) {
            for (int size : new int[] {1 << 18, 1 << 14, 1 << 10, 64}) {
                byte[] row = new byte[size];
                boolean full = false;
                for (int i = 0; i < 400_000 && !full; i++) {
                    ps.setBytes(1, row);
                    try {
                        ps.executeUpdate();
                        bytes += size;
                    } catch (SQLException e) {
                        assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(1114);
                        full = true;
                    }
                }
                assertThat(full).as("the capped tablespace full with rows of " + size).isTrue();
            }
        }
        return (int) (bytes >> 20);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String ticket(HttpResponse<String> created) {
        return new JsonObject(created.body()).getString("ticket");
    }

    private HttpResponse<String> post(HotlineApp app, String key, String text) {
        String body = new JsonObject().put("callerNumber", "13800003000").put("text", text).put("channel", "WEB")
                .encode();
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort()
                    + "/api/admin/work-orders")).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(HotlineApp app, String ticket) {
        HttpResponse<String> r = get(app, "/api/admin/work-orders/" + ticket);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("text");
    }

    private String textOrEmpty(HotlineApp app, String ticket) {
        HttpResponse<String> r = get(app, "/api/admin/work-orders/" + ticket);
        return r.statusCode() == 200 ? new JsonObject(r.body()).getString("text") : "(HTTP " + r.statusCode() + ")";
    }

    private HttpResponse<String> get(HotlineApp app, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteAllBut(Path dir, Path kept) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).filter(p -> !p.startsWith(kept) && !kept.startsWith(p))
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
