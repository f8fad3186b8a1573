package org.hotline81890.gateway.channel.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.agi.VoiceTestApp;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.voice.CallRecords;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.ami.ChannelSnapshot;
import org.hotline81890.simulators.ami.OriginateOutcome;
import org.hotline81890.simulators.ami.QueueEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The AMI half of the voice module against the Asterisk simulator: health, reconnect, call records, callbacks. */
class AmiIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        voice = VoiceTestApp.start(dataDir, Map.of());
        Eventually.waitFor("AMI login", WAIT, () -> voice.voice().ami().orElseThrow().isConnected());
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    private String amiHealth() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + voice.app().httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body()).getJsonObject("checks").getString("ami");
    }

    @Test
    void shouldReconnectAfterAsteriskDropsTheConnectionAndSaySoAtInfo() throws Exception {
        assertThat(amiHealth()).isEqualTo("UP");
        assertThat(voice.ami().connectionCount()).isEqualTo(1);
        Logger logger = (Logger) LoggerFactory.getLogger(AmiConnector.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            voice.ami().dropAllConnections();

            Eventually.waitFor("AMI reconnected", WAIT, () -> voice.ami().connectionCount() == 1
                    && voice.voice().ami().orElseThrow().isConnected());
            Eventually.waitFor("the reconnect logged", WAIT, () -> log.list.stream().anyMatch(e ->
                    e.getLevel() == Level.INFO && e.getFormattedMessage().contains("re-established")));
        } finally {
            logger.detachAppender(log);
        }
        assertThat(amiHealth()).isEqualTo("UP");
    }

    @Test
    void queueEventsShouldBecomeCallRecords() {
        CallRecords records = voice.voice().ami().orElseThrow().callRecords();
        Instant from = Instant.now().minusSeconds(1);
        ChannelSnapshot answered = caller("1795419400.11", "13800001111");
        ChannelSnapshot abandoned = caller("1795419400.12", "13800002222");
        ChannelSnapshot agent = ChannelSnapshot.fresh("Local/agent1@queue-agents-00000003;1", 6, "queue-agents",
                "agent1", "1795419400.13", "1795419400.11");
        voice.ami().publishAll(List.of(
                QueueEvents.callerJoin(answered, "hotline", 1, 1),
                QueueEvents.callerJoin(abandoned, "hotline", 2, 2),
                QueueEvents.agentCalled(answered, agent, "hotline", "Local/agent1@queue-agents/n", "Agent One"),
                QueueEvents.agentConnect(answered, agent, "hotline", "Local/agent1@queue-agents/n", "Agent One", 4,
                        3),
                QueueEvents.callerAbandon(abandoned, "hotline", 1, 2, 31),
                QueueEvents.agentComplete(answered, agent, "hotline", "Local/agent1@queue-agents/n", "Agent One", 4,
                        60, "agent"),
                QueueEvents.hangup(answered, 16)));

        Eventually.waitFor("both calls recorded as ended", WAIT, () -> {
            CallRecords.CallKpis k = records.kpis(from, Instant.now().plusSeconds(1), Duration.ofSeconds(20));
            return k.offered() == 2 && k.answered() == 1 && k.abandoned() == 1;
        });
        CallRecords.CallKpis k = records.kpis(from, Instant.now().plusSeconds(1), Duration.ofSeconds(20));
        assertThat(k.answeredInTime()).isEqualTo(1);
        assertThat(k.averageWaitSeconds()).isEqualTo((4 + 31) / 2.0);

        String query = "/api/admin/call-kpis?answeredWithin=20&from=" + from + "&to=" + Instant.now().plusSeconds(1);
        HttpResponse<String> noToken = get(query, Optional.empty());
        HttpResponse<String> kpis = get(query, Optional.of("voice-it-token-0123"));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(kpis.statusCode()).isEqualTo(200);
        JsonObject j = new JsonObject(kpis.body());
        assertThat(j.getLong("offered")).isEqualTo(2);
        assertThat(j.getLong("answeredInTime")).isEqualTo(1);
        assertThat(j.getLong("abandoned")).isEqualTo(1);
        assertThat(j.getDouble("serviceLevel")).isEqualTo(0.5);
        assertThat(j.getDouble("averageWaitSeconds")).isEqualTo(17.5);
    }

    private HttpResponse<String> get(String path, Optional<String> token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + voice.app().httpPort() + path));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    @Test
    void surveyCallbackShouldOriginateAndTheAnswerShouldCloseTheOrder() {
        WorkOrder order = answeredOrder("13800003333", "callback-1");
        OutboxMessage row = OriginateRequest.surveyCallback(order);
        voice.app().core().outbox().enqueue(Optional.of(order.id()), List.of(row));
        voice.app().wakeRelay();

        Eventually.waitFor("originate confirmed from channel events", WAIT, () -> status(row).state().equals("DONE"));

        // The answered callback runs context hotline-survey, which calls agi://HOST/survey,TICKET,RESIDENT.
        AgiCallResult survey = voice.call(AgiCallSpec.builder().script("survey").uniqueId("1795419500.1")
                .callerIdNum("81890").args(List.of(order.ticket().value(), "13800003333")), CallerScript.pressing("2"));
        assertThat(survey.variable("HOTLINE_SURVEY")).contains("RECORDED");
        assertThat(voice.app().core().store().find(order.id()).orElseThrow().state())
                .isEqualTo(WorkOrderState.CLOSED);
    }

    @Test
    void queueEventsWhileTheDatabaseIsDownShouldBeKeptAndWrittenWhenItIsBack() throws Exception {
        CallRecords records = voice.voice().ami().orElseThrow().callRecords();
        Path kept = dataDir.resolve("voice/call-events.pending");
        Instant from = Instant.now().minusSeconds(1);
        ChannelSnapshot c = caller("1795419400.21", "13800003333");
        voice.dbProxy().cut();
        try {
            voice.ami().publishAll(List.of(QueueEvents.callerJoin(c, "hotline", 1, 1),
                    QueueEvents.callerAbandon(c, "hotline", 1, 1, 7), QueueEvents.hangup(c, 16)));
            Eventually.waitFor("the three events kept on disk", WAIT,
                    () -> Files.exists(kept) && lines(kept) == 3);
        } finally {
            voice.dbProxy().restore();
        }

        Eventually.waitFor("the kept events written", WAIT, () -> abandonedSince(records, from) == 1);
        Eventually.waitFor("the spool emptied", WAIT, () -> lines(kept) == 0);
    }

    /** Abandoned calls since {@code from}; -1 while the pool still meets the cut connections. */
    private static long abandonedSince(CallRecords records, Instant from) {
        try {
            return records.kpis(from, Instant.now().plusSeconds(1), Duration.ofSeconds(20)).abandoned();
        } catch (org.hotline81890.gateway.workorder.StorageUnavailableException e) {
            return -1;
        }
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void unansweredCallbackShouldBeRetriedNotConfirmed() {
        voice.ami().setOriginateOutcome(ch -> ch.contains("13800004444") ? new OriginateOutcome.NoAnswer()
                : OriginateOutcome.answered());
        WorkOrder order = answeredOrder("13800004444", "callback-2");
        OutboxMessage row = OriginateRequest.surveyCallback(order);
        voice.app().core().outbox().enqueue(Optional.of(order.id()), List.of(row));
        voice.app().wakeRelay();

        Eventually.waitFor("a failed attempt recorded", WAIT, () -> status(row).lastError().isPresent());
        Outbox.OutboxStatus s = status(row);
        assertThat(s.state()).isEqualTo("PENDING");
        assertThat(s.lastError()).hasValueSatisfying(e -> assertThat(e).contains("hung up before answer"));
    }

    private static Outbox.OutboxStatus status(OutboxMessage row) {
        return voice.app().core().outbox().status(row.dedupeKey()).orElseThrow();
    }

    private static ChannelSnapshot caller(String uniqueId, String number) {
        return ChannelSnapshot.fresh("Local/81890@hotline-" + uniqueId + ";2", 6, "hotline", "81890", uniqueId,
                uniqueId).withCallerId(number, "Resident");
    }

    private static WorkOrder answeredOrder(String caller, String key) {
        IntakeResult r = voice.app().core().intake().receive(IntakeRequest.of("test:" + key, Channel.PHONE, caller,
                "路灯不亮"));
        WorkOrder w = switch (r) {
            case IntakeResult.Accepted a -> a.workOrder();
            case IntakeResult.Duplicate d -> d.workOrder();
            case IntakeResult.Refused x -> throw new AssertionError(x.reason());
        };
        return voice.app().core().tracker().move(w.id(), WorkOrderState.ANSWERED, "agent-7", Channel.AGENT,
                "answered on the phone", x -> List.of());
    }
}
