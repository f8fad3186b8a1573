package org.hotline81890.simulators.ami;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the simulated Asterisk is set up.
 *
 * @param port             0 for any free port
 * @param users            manager.conf users: name to secret
 * @param environment      clock, session ids, uptime (fixed in tests)
 * @param failedLoginDelay Asterisk waits this long before answering a failed Login (1 s), then closes
 * @param versionLine      output of {@code core show version}
 * @param firstUniqueCounter the {@code .N} of the next uniqueid
 * @param firstLocalSequence the next Local channel sequence number ({@code -0000000a} = 10)
 * @param queues           app_queue queues
 * @param queueRoutes      {@code exten@context} whose dialplan puts the answered caller into that queue
 * @param originateOutcome outcome for an Originate by its Channel header
 */
public record AmiServerConfig(
        int port, Map<String, String> users, AmiEnvironment environment, Duration failedLoginDelay,
        String versionLine, int firstUniqueCounter, int firstLocalSequence, List<QueueState> queues,
        Map<String, String> queueRoutes, Function<String, OriginateOutcome> originateOutcome) {

    public AmiServerConfig {
        users = Map.copyOf(users);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(failedLoginDelay, "failedLoginDelay");
        Objects.requireNonNull(versionLine, "versionLine");
        queues = List.copyOf(queues);
        queueRoutes = Map.copyOf(queueRoutes);
        Objects.requireNonNull(originateOutcome, "originateOutcome");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The capture's manager.conf/queues.conf: user {@code hotline}/{@code hotline-secret}, queue {@code hotline}. */
    public static AmiServerConfig defaults() {
        AmiEnvironment env = AmiEnvironment.system();
        QueueState hotline = new QueueState("hotline", "ringall")
                .member(QueueMemberState.staticMember("Agent One", "Local/agent1@queue-agents/n", env.epochSeconds()));
        return new AmiServerConfig(0, Map.of("hotline", "hotline-secret"), env, Duration.ofSeconds(1),
                "Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux on 2026-11-23 07:27:47 UTC", 1, 0,
                List.of(hotline), Map.of("inqueue@queue-test", "hotline"), ch -> OriginateOutcome.answered());
    }

    public AmiServerConfig withPort(int p) {
        return new AmiServerConfig(p, users, environment, failedLoginDelay, versionLine, firstUniqueCounter,
                firstLocalSequence, queues, queueRoutes, originateOutcome);
    }

    public AmiServerConfig withEnvironment(AmiEnvironment env, int uniqueCounter, int localSequence) {
        return new AmiServerConfig(port, users, env, failedLoginDelay, versionLine, uniqueCounter, localSequence,
                queues, queueRoutes, originateOutcome);
    }

    public AmiServerConfig withQueues(List<QueueState> q) {
        return new AmiServerConfig(port, users, environment, failedLoginDelay, versionLine, firstUniqueCounter,
                firstLocalSequence, q, queueRoutes, originateOutcome);
    }

    public AmiServerConfig withOriginateOutcome(Function<String, OriginateOutcome> f) {
        return new AmiServerConfig(port, users, environment, failedLoginDelay, versionLine, firstUniqueCounter,
                firstLocalSequence, queues, queueRoutes, f);
    }

    public AmiServerConfig withFailedLoginDelay(Duration d) {
        return new AmiServerConfig(port, users, environment, d, versionLine, firstUniqueCounter,
                firstLocalSequence, queues, queueRoutes, originateOutcome);
    }
}
