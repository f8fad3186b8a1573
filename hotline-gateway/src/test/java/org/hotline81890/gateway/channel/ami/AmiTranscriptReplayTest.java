package org.hotline81890.gateway.channel.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.voice.OriginateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The captured AMI sessions of a live Asterisk 22 replayed against the gateway's own AMI client
 * ({@link AmiConnector}, {@link Originator} + {@link OriginateTracker}, {@link QueueEventRecorder}) over TCP:
 * {@link CapturedAsterisk} answers every action the gateway sends with the captured answer and pushes the captured
 * events; the test checks what the gateway makes of them and that its own bytes are the AMI the capture client
 * sent. Expectations (credentials, error texts, uniqueids, hold and talk times) are read from the transcripts.
 */
class AmiTranscriptReplayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CapturedAmi LOGIN_FAILED = CapturedAmi.read("ami-login.txt", 0);
    private static final CapturedAmi SESSION = CapturedAmi.read("ami-login.txt", 1);
    private static final CapturedAmi ORIGINATE = CapturedAmi.read("ami-originate.txt", 0);
    private static final CapturedAmi ERRORS = CapturedAmi.read("ami-errors.txt", 0);
    private static final CapturedAmi QUEUE_CALL = CapturedAmi.read("ami-queue-call.txt", 0);
    private static final CapturedAmi ABANDON = CapturedAmi.read("ami-queue-abandon.txt", 0);

    private CapturedAsterisk asterisk;
    private AmiConnector connector;
    private HotlineConfig.Ami config;

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (asterisk != null) {
            assertThat(asterisk.problems()).as("the gateway's AMI bytes").isEmpty();
            asterisk.close();
        }
    }

    /** A fake Asterisk that logs in with the given capture's Login answer and knows the session actions. */
    private CapturedAsterisk asterisk(CapturedAmi.Exchange login) throws Exception {
        CapturedAmi.Message captured = login.action();
        asterisk = new CapturedAsterisk(SESSION.banner(), captured.header("Secret").orElseThrow())
                .answer(login).refuseLogin(LOGIN_FAILED.exchange("login-bad"))
                .answer(SESSION.exchange("settings-1")).answer(SESSION.exchange("cmd-1"))
                .answer(SESSION.exchange("ping-1")).answer(SESSION.exchange("bye-1"));
        return asterisk;
    }

    /** The gateway's client, as configured by ami.*: the captured user, the given password, a long originate wait. */
    private AmiConnector connect(String password) {
        String user = SESSION.exchange("login-ok").action().header("Username").orElseThrow();
        config = new HotlineConfig.Ami(true, "127.0.0.1", asterisk.start().port(), user, password,
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(20), Duration.ofSeconds(30),
                "Local/{number}@hotline-callback", "hotline-survey", "hotline-click-to-call", "PJSIP/{extension}",
                "hotline-bridge", "agents", "hotline-conference");
        connector = new AmiConnector(config);
        return connector;
    }

    private static String secret() {
        return SESSION.exchange("login-ok").action().header("Secret").orElseThrow();
    }

    @Test
    void loginShouldBeAcceptedAndTheClientShouldSpeakTheCapturedAmi() throws Exception {
        asterisk(SESSION.exchange("login-ok"));
        connect(secret()).start();
        Eventually.waitFor("AMI logged in", WAIT, connector::isConnected);

        assertThat(connector.connection().getVersion()).isEqualTo(AsteriskVersion.ASTERISK_22);
        CapturedAsterisk.Action login = asterisk.received("Login").getFirst();
        CapturedAmi.Message capturedLogin = SESSION.exchange("login-ok").action();
        assertThat(login.names()).containsExactlyInAnyOrder("action", "actionid", "username", "authtype", "key");
        assertThat(names(capturedLogin)).contains("action", "actionid", "username").doesNotContain("key");
        assertThat(login.header("Username")).isEqualTo(capturedLogin.header("Username"));
        assertThat(asterisk.received().getFirst().name()).isEqualTo("Challenge");
        assertThat(asterisk.received().getFirst().header("AuthType")).contains("MD5");

        connector.close();
        Eventually.waitFor("Logoff sent", WAIT, () -> !asterisk.received("Logoff").isEmpty());
        assertThat(asterisk.received("Logoff").getFirst().names())
                .isEqualTo(names(SESSION.exchange("bye-1").action()));
        assertThat(asterisk.received("Login")).hasSize(1);
    }

    @Test
    void loginWithEventsShouldDeliverTheCapturedBootEvents() throws Exception {
        asterisk(CapturedAmi.read("ami-login.txt", 2).exchange("login-ev"));
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        connect(secret()).addListener(events::add);
        connector.start();
        Eventually.waitFor("AMI logged in", WAIT, connector::isConnected);
        Eventually.waitFor("FullyBooted and SuccessfulAuth", WAIT, () -> events.stream()
                .map(e -> e.getClass().getSimpleName()).toList()
                .containsAll(List.of("FullyBootedEvent", "SuccessfulAuthEvent")));
    }

    @Test
    void aWrongSecretShouldBeRefusedWithTheCapturedTextAndRetried() throws Exception {
        CapturedAmi.Exchange refused = LOGIN_FAILED.exchange("login-bad");
        asterisk(SESSION.exchange("login-ok"));
        connect(refused.action().header("Secret").orElseThrow());

        assertThatThrownBy(() -> connector.connection().login()).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining(refused.response().header("Message").orElseThrow());
        connector.start();
        Eventually.waitFor("logins retried", WAIT, () -> asterisk.received("Login").size() >= 3);
        assertThat(connector.isConnected()).isFalse();
    }

    @Test
    void anOriginateShouldBeConfirmedFromTheCapturedChannelEvents() throws Exception {
        CapturedAmi.Exchange captured = ORIGINATE.exchange("orig-ok-1");
        OriginateTracker tracker = loggedInAnswering(captured);

        Originator.Result r = originator(tracker).originate(survey(), "hotline-7-0");

        String firstUp = captured.answer().stream().filter(m -> m.isEvent("Newstate"))
                .filter(m -> m.header("ChannelState").filter("6"::equals).isPresent()).findFirst().orElseThrow()
                .header("Uniqueid").orElseThrow();
        assertThat(r).isEqualTo(new Originator.Result.Answered(firstUp));
        CapturedAsterisk.Action sent = asterisk.received("Originate").getFirst();
        assertThat(Set.copyOf(sent.names())).isEqualTo(Set.copyOf(names(captured.action())));
        assertThat(sent.header("Async")).isEqualTo(captured.action().header("Async"));
        assertThat(sent.headers("Variable")).contains(OriginateTracker.VARIABLE + "=hotline-7-0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"orig-sync-bad", "orig-bad-1"})
    void anOriginateAnsweredWithTheCapturedErrorShouldBeRefused(String actionId) throws Exception {
        CapturedAmi.Exchange captured = ERRORS.exchange(actionId);
        OriginateTracker tracker = loggedInAnswering(captured);

        assertThat(originator(tracker).originate(survey(), "hotline-8-0"))
                .isEqualTo(new Originator.Result.Refused(captured.response().header("Message").orElseThrow()));
    }

    @Test
    void anAsyncOriginateThatFailsShouldFailFromTheCapturedOriginateResponse() throws Exception {
        CapturedAmi.Exchange captured = ORIGINATE.exchange("orig-fail-1");
        OriginateTracker tracker = loggedInAnswering(captured);

        Originator.Result r = originator(tracker).originate(survey(), "hotline-9-0");

        // no channel of this capture carries a variable of the action: only its OriginateResponse says it failed,
        // and it must end the wait at once rather than after ami.originate-timeout
        CapturedAmi.Message response = captured.answer().stream().filter(m -> m.isEvent("OriginateResponse"))
                .findFirst().orElseThrow();
        assertThat(r).isEqualTo(new Originator.Result.Failed("OriginateResponse "
                + response.header("Response").orElseThrow() + ", reason " + response.header("Reason").orElseThrow()));
    }

    @Test
    void aCapturedQueueCallShouldBecomeTheCallRecordItsTimingsImply() throws Exception {
        List<String> calls = replayQueueEvents(QUEUE_CALL, "login-1");
        CapturedAmi.Message join = event(QUEUE_CALL, "QueueCallerJoin");
        CapturedAmi.Message connect = event(QUEUE_CALL, "AgentConnect");
        CapturedAmi.Message complete = event(QUEUE_CALL, "AgentComplete");
        String caller = join.header("Uniqueid").orElseThrow();
        long wait = Long.parseLong(connect.header("HoldTime").orElseThrow());
        long talk = Long.parseLong(complete.header("TalkTime").orElseThrow());
        // Asterisk counts whole seconds: the captured fields agree with the capture's own clock
        assertThat((double) wait).isCloseTo(connect.seconds() - join.seconds(), within(1.0));
        assertThat((double) talk).isCloseTo(complete.seconds() - connect.seconds(), within(1.0));

        assertThat(calls.stream().filter(c -> c.contains(" " + caller)).toList()).containsExactly(
                "joined " + caller + " " + join.header("CallerIDNum").orElseThrow() + " "
                        + join.header("Queue").orElseThrow(),
                "agentCalled " + caller,
                "answered " + caller + " " + connect.header("MemberName").orElseThrow() + " " + wait,
                "completed " + caller + " " + talk,
                "hungUp " + caller);
        assertThat(calls).filteredOn(c -> c.startsWith("joined ") || c.startsWith("abandoned ")).hasSize(1);
    }

    @Test
    void aCapturedAbandonShouldBeCountedAsAbandoned() throws Exception {
        List<String> calls = replayQueueEvents(ABANDON, "login-mon");
        CapturedAmi.Message join = event(ABANDON, "QueueCallerJoin");
        CapturedAmi.Message abandon = event(ABANDON, "QueueCallerAbandon");
        String caller = join.header("Uniqueid").orElseThrow();
        long wait = Long.parseLong(abandon.header("HoldTime").orElseThrow());
        assertThat((double) wait).isCloseTo(abandon.seconds() - join.seconds(), within(1.0));

        assertThat(calls.stream().filter(c -> c.contains(" " + caller)).toList()).containsExactly(
                "joined " + caller + " " + join.header("CallerIDNum").orElseThrow() + " "
                        + join.header("Queue").orElseThrow(),
                "abandoned " + caller + " " + wait,
                "hungUp " + caller);
        assertThat(calls).noneMatch(c -> c.startsWith("answered ") || c.startsWith("agentCalled "));
    }

    /**
     * Logs in with the capture's own Login answer (with the events Asterisk sent before the capture's next action),
     * lets the fake push the session's later events, and returns what the recorder wrote.
     */
    private List<String> replayQueueEvents(CapturedAmi capture, String loginId) throws Exception {
        CapturedAmi.Exchange login = capture.exchange(loginId);
        List<CapturedAmi.Message> events = capture.eventsAfter(loginId);
        asterisk(login).afterLogin(events);
        RecordingCallRecords records = new RecordingCallRecords();
        QueueEventRecorder recorder = new QueueEventRecorder(records, Clock.systemUTC(), new PendingCallEvents(
                java.nio.file.Files.createTempDirectory("pending").resolve("call-events.pending"), 100),
                java.time.Duration.ofSeconds(5));
        connect(secret()).addListener(recorder);
        connector.start();
        // the captured Login's answer may itself carry events (ami-queue-abandon.txt: the whole session's)
        long hangups = capture.allEvents().stream().filter(m -> m.isEvent("Hangup")).count();
        Eventually.waitFor("every captured Hangup recorded", WAIT,
                () -> records.calls.stream().filter(c -> c.startsWith("hungUp ")).count() == hangups);
        recorder.close();
        return List.copyOf(records.calls);
    }

    private static CapturedAmi.Message event(CapturedAmi capture, String name) {
        List<CapturedAmi.Message> found = capture.allEvents().stream().filter(m -> m.isEvent(name)).toList();
        assertThat(found).as(name).hasSize(1);
        return found.getFirst();
    }

    private Originator originator(OriginateTracker tracker) {
        return new Originator(connector, tracker, config);
    }

    /** The header names of a captured action, in order, lower case. */
    private static List<String> names(CapturedAmi.Message action) {
        return action.lines().stream().filter(l -> !l.equals("\r\n"))
                .map(l -> l.substring(0, l.indexOf(": ")).toLowerCase(Locale.ROOT)).toList();
    }

    private static OriginateRequest survey() {
        return new OriginateRequest(OriginateRequest.Purpose.SURVEY, "13800001111", Optional.of("261123000"),
                Optional.empty());
    }

    /** Logs the gateway's client in (captured login), with the fake Asterisk answering {@code captured} next. */
    private OriginateTracker loggedInAnswering(CapturedAmi.Exchange captured) throws Exception {
        asterisk(ORIGINATE.exchange("login-1")).answer(captured);
        OriginateTracker tracker = new OriginateTracker();
        connect(secret()).addListener(tracker);
        connector.start();
        Eventually.waitFor("AMI logged in", WAIT, connector::isConnected);
        return tracker;
    }
}
