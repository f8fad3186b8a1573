package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database off the AGI command path: when the work order is not committed by the end of the greeting, the
 * caller holds in short Waits (each answered at once) and the variables are set once it is.
 */
class IntakeHoldIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;

    @BeforeAll
    static void start() {
        voice = VoiceTestApp.start(dataDir, Map.of("HOTLINE_AMI_ENABLED", "false"));
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    @Test
    void aSlowDatabaseHoldsTheCallerInWaitsAfterTheGreetingAndTheVariablesAreStillSet() throws Exception {
        AgiCallSpec spec = AgiCallSpec.builder().script("intake").uniqueId("1795419900.1").callerIdNum("13800009999")
                .promptTime(Duration.ofMillis(100)).build();
        CompletableFuture<AgiCallResult> call = new CompletableFuture<>();
        try (Connection c = DriverManager.getConnection(voice.db().url(), TestDatabase.user(),
                TestDatabase.password())) {
            // An uncommitted row with the call's intake key: the gateway's INSERT waits on its unique-key lock.
            c.setAutoCommit(false);
            holdKey(c, "phone:" + spec.uniqueId());
            long started = System.nanoTime();
            Thread.ofPlatform().daemon().start(() -> call.complete(voice.call(AgiCallSpec.builder().script("intake")
                    .uniqueId(spec.uniqueId()).callerIdNum(spec.callerIdNum()).promptTime(spec.promptTime()),
                    CallerScript.silent())));
            Eventually.waitFor("the intake waiting on the held key", WAIT, () -> call.isDone() || lockWaits(c) > 0);
            assertThat(call).as("the call must not end while its order is held").isNotDone();
            Eventually.waitFor("the greeting over for a while", WAIT,
                    () -> System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(1000));
            c.rollback();
        }
        AgiCallResult r = call.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        List<String> commands = r.commands();
        int greeting = commands.indexOf("STREAM FILE \"hotline/welcome\" \"\"");
        int firstWait = indexOf(commands, "EXEC \"Wait\"");
        int ticket = indexOf(commands, "SET VARIABLE \"HOTLINE_TICKET\"");
        assertThat(greeting).as(commands.toString()).isGreaterThan(0);
        assertThat(firstWait).as(commands.toString()).isGreaterThan(greeting);
        assertThat(ticket).as(commands.toString()).isGreaterThan(firstWait);
        WorkOrder order = voice.app().core().store().findByIdempotencyKey("phone:" + spec.uniqueId()).orElseThrow();
        assertThat(r.variable("HOTLINE_TICKET")).contains(order.ticket().value());
        assertThat(r.variable("HOTLINE_STATUS")).contains("OK");
    }

    private static int indexOf(List<String> commands, String prefix) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static void holdKey(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO work_order (ticket, idempotency_key, channel, "
                + "caller_number, request_type, text, priority, state, created_at, updated_at) VALUES "
                + "('999999999', ?, 'PHONE', '1', 'HELP', '', 'normal', 'NEW', NOW(3), NOW(3))")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }

    /** Gateway INSERTs into work_order running now (waiting on our uncommitted row). */
    private static long lockWaits(Connection c) {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'INSERT INTO work_order %' "
                        + "AND id <> CONNECTION_ID()");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
