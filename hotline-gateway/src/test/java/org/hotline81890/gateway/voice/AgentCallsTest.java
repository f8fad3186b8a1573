package org.hotline81890.gateway.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AgentCallsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);
    private final List<String> queue = new ArrayList<>();
    private final QueueMembership membership = new QueueMembership() {
        @Override
        public void signIn(String iface, String memberName) {
            queue.add("add " + iface);
        }

        @Override
        public void signOut(String iface) {
            queue.add("remove " + iface);
        }

        @Override
        public void pause(String iface, boolean paused, String reason) {
            queue.add((paused ? "pause " : "unpause ") + iface + (reason.isEmpty() ? "" : " " + reason));
        }
    };
    private final InMemoryWrapUps wrapUps = new InMemoryWrapUps();
    private final List<String> shown = new ArrayList<>();
    private final AgentSeat seat = new AgentSeat(membership, "PJSIP/{extension}", wrapUps, List.of("已解答", "已派单"),
            clock);
    private final InMemoryAgentCallLog log = new InMemoryAgentCallLog();
    private final AgentCalls calls = new AgentCalls(seat, membership, wrapUps, log,
            (ext, s) -> shown.add(ext + " " + s.state() + " " + s.reason() + " " + s.until().map(Instant::toString)
                    .orElse("-")), Duration.ofSeconds(30), clock);

    @Test
    void anEndedCallPausesTheAgentForWrapUpAndReadyNeedsAWrapUpCode() {
        calls.connected("PJSIP/1001", "1733367600.1", "PJSIP/trunk-00000001", "PJSIP/1001-00000002");
        assertThat(log.live("1001", "1733367600.1")).hasValueSatisfying(
                c -> assertThat(c.agentChannel()).isEqualTo("PJSIP/1001-00000002"));
        calls.completed("PJSIP/1001", "1733367600.1");
        assertThat(log.current("1001")).isEmpty();

        assertThat(shown).containsExactly("1001 ON_CALL  -", "1001 WRAP_UP 话后整理 2026-12-05T03:00:30Z");
        assertThat(queue).containsExactly("pause PJSIP/1001 话后整理");
        assertThat(seat.ready(Optional.of("1001"), Optional.empty(), "wangfang")).hasValueSatisfying(
                why -> assertThat(why).contains("话后整理代码"));
        assertThat(seat.ready(Optional.of("1001"), Optional.of("随便"), "wangfang")).isPresent();
        assertThat(queue).containsExactly("pause PJSIP/1001 话后整理");

        assertThat(seat.ready(Optional.of("1001"), Optional.of("已派单"), "wangfang")).isEmpty();
        assertThat(queue).containsExactly("pause PJSIP/1001 话后整理", "unpause PJSIP/1001");
        assertThat(wrapUps.codes()).containsExactly("已派单");
        assertThat(seat.ready(Optional.of("1001"), Optional.empty(), "wangfang")).isEmpty();
    }

    /** At the peak each of the two waited for a pooled connection and a commit of its own (ADR 0052). */
    @Test
    void theEndOfACallAndTheWrapUpItBeginsShouldBeWrittenAsOneUnit() {
        List<String> writes = new ArrayList<>();
        AgentCallLog units = new AgentCallLog() {
            @Override
            public void connected(LiveCall call) {
                log.connected(call);
            }

            @Override
            public void ended(String uniqueId, String extension, Instant at) {
                writes.add("ended " + uniqueId);
                log.ended(uniqueId, extension, at);
            }

            @Override
            public Optional<LiveCall> live(String extension, String uniqueId) {
                return log.live(extension, uniqueId);
            }

            @Override
            public Optional<LiveCall> current(String extension) {
                return log.current(extension);
            }

            @Override
            public void together(Runnable work) {
                writes.add("(");
                work.run();
                writes.add(")");
            }
        };
        WrapUps begun = new WrapUps() {
            @Override
            public void begin(String extension, String uniqueId, Instant at) {
                writes.add("wrap-up " + uniqueId);
                wrapUps.begin(extension, uniqueId, at);
            }

            @Override
            public Optional<Open> open(String extension) {
                return wrapUps.open(extension);
            }

            @Override
            public boolean finish(long id, String code, String agent, Instant at) {
                return wrapUps.finish(id, code, agent, at);
            }

            @Override
            public void signedOut(long id, Instant at) {
                wrapUps.signedOut(id, at);
            }
        };
        AgentCalls oneUnit = new AgentCalls(seat, membership, begun, units, (ext, s) -> { }, Duration.ZERO, clock);

        oneUnit.connected("PJSIP/1001", "1733367600.1", "PJSIP/trunk-00000001", "PJSIP/1001-00000002");
        oneUnit.completed("PJSIP/1001", "1733367600.1");

        assertThat(writes).containsExactly("(", "ended 1733367600.1", "wrap-up 1733367600.1", ")");
        assertThat(log.current("1001")).isEmpty();
        assertThat(seat.openWrapUp(Optional.of("1001"))).isPresent();
    }

    @Test
    void signingOutDuringWrapUpWithoutACodeLeavesTheQueueAndKeepsTheWrapUpDueMarkedSignedOut() {
        calls.connected("PJSIP/1001", "1733367600.1", "PJSIP/trunk-00000001", "PJSIP/1001-00000002");
        calls.completed("PJSIP/1001", "1733367600.1");
        assertThat(seat.openWrapUp(Optional.of("1001"))).get().extracting(WrapUps.Open::signedOut).isEqualTo(false);

        assertThat(seat.signOut(Optional.of("1001"), Optional.empty(), "wangfang")).isEmpty();

        assertThat(queue).containsExactly("pause PJSIP/1001 话后整理", "remove PJSIP/1001");
        assertThat(seat.openWrapUp(Optional.of("1001"))).get().extracting(WrapUps.Open::signedOut).isEqualTo(true);
        assertThat(wrapUps.codes()).as("the code is never skipped by signing out").isEmpty();
        assertThat(seat.signOut(Optional.of("1001"), Optional.of("已解答"), "wangfang")).isEmpty();
        assertThat(wrapUps.codes()).containsExactly("已解答");
        assertThat(seat.openWrapUp(Optional.of("1001"))).isEmpty();
    }

    @Test
    void anAgentWhoSignedOutDuringTheCallStillWrapsItUpAndStaysOutOfTheQueue() {
        Set<String> members = new HashSet<>();
        List<String> actions = new ArrayList<>();
        QueueMembership asterisk = new QueueMembership() {
            @Override
            public void signIn(String iface, String memberName) {
                members.add(iface);
            }

            @Override
            public void signOut(String iface) {
                actions.add("remove " + iface);
                if (!members.remove(iface)) {
                    throw new NotMember("Unable to remove interface: Not there");
                }
            }

            @Override
            public void pause(String iface, boolean paused, String reason) {
                actions.add((paused ? "pause " : "unpause ") + iface);
                if (!members.contains(iface)) {
                    throw new NotMember("Interface not found");
                }
            }
        };
        AgentSeat desk = new AgentSeat(asterisk, "PJSIP/{extension}", wrapUps, List.of("已解答", "已派单"), clock);
        AgentCalls agentCalls = new AgentCalls(desk, asterisk, wrapUps, log,
                (ext, s) -> shown.add(ext + " " + s.state() + " " + s.reason()), Duration.ofSeconds(30), clock);
        assertThat(desk.signIn(Optional.of("1001"), "王芳")).isEmpty();
        assertThat(desk.ready(Optional.of("1001"), Optional.empty(), "wangfang")).isEmpty();
        agentCalls.connected("PJSIP/1001", "1733367600.1", "PJSIP/trunk-00000001", "PJSIP/1001-00000002");
        assertThat(desk.signOut(Optional.of("1001"), Optional.empty(), "wangfang")).isEmpty();

        agentCalls.completed("PJSIP/1001", "1733367600.1");
        assertThat(shown).containsExactly("1001 ON_CALL ", "1001 WRAP_UP " + AgentCalls.WRAP_UP_SIGNED_OUT);
        assertThat(desk.openWrapUp(Optional.of("1001"))).hasValueSatisfying(w -> {
            assertThat(w.uniqueId()).isEqualTo("1733367600.1");
            assertThat(w.signedOut()).as("a reload shows 话后整理（已签出）").isTrue();
        });
        assertThat(desk.ready(Optional.of("1001"), Optional.of("已解答"), "wangfang"))
                .contains(AgentSeat.NOT_SIGNED_IN);
        assertThat(desk.signOut(Optional.of("1001"), Optional.of("随便"), "wangfang")).isPresent();
        assertThat(desk.signOut(Optional.of("1001"), Optional.of("已解答"), "wangfang")).isEmpty();
        assertThat(wrapUps.codes()).containsExactly("已解答");
        assertThat(desk.openWrapUp(Optional.of("1001"))).isEmpty();
        assertThat(members).isEmpty();
    }

    @Test
    void aRingNobodyAnsweredPausesTheAgentWithTheReason() {
        calls.rangUnanswered("PJSIP/1002");
        assertThat(queue).containsExactly("pause PJSIP/1002 未接来电");
        assertThat(shown).containsExactly("1002 PAUSED 未接来电 -");
        assertThat(seat.ready(Optional.of("1002"), Optional.empty(), "lihua")).isEmpty();
    }

    @Test
    void eventsOfAnInterfaceThatIsNoAgentsChangeNothing() {
        calls.completed("SIP/trunk-1", "1.1");
        calls.rangUnanswered("Local/xyz");
        assertThat(queue).isEmpty();
        assertThat(shown).isEmpty();
    }
}
