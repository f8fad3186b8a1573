package org.hotline81890.gateway.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link AgentCallLog} must do; run on the in-memory fake and on MariaDB. */
public interface AgentCallLogContract {
    AgentCallLog log();

    @Test
    default void aCallIsTheAgentsOwnAndLiveUntilItEnds() {
        String ext = "9" + UUID.randomUUID().toString().substring(0, 6);
        String uid = "1733367600." + UUID.randomUUID().toString().substring(0, 6);
        Instant t = Instant.parse("2026-12-05T03:00:00Z");
        log().connected(new AgentCallLog.LiveCall(uid, ext, "PJSIP/trunk-1", "PJSIP/" + ext + "-1", t));
        log().connected(new AgentCallLog.LiveCall(uid, ext, "PJSIP/trunk-9", "PJSIP/" + ext + "-9", t));

        assertThat(log().live(ext, uid)).hasValueSatisfying(c -> {
            assertThat(c.callerChannel()).isEqualTo("PJSIP/trunk-1");
            assertThat(c.agentChannel()).isEqualTo("PJSIP/" + ext + "-1");
        });
        assertThat(log().current(ext)).map(AgentCallLog.LiveCall::uniqueId).contains(uid);
        assertThat(log().live("other", uid)).isEmpty();

        log().ended(uid, ext, t.plusSeconds(40));
        assertThat(log().live(ext, uid)).isEmpty();
        assertThat(log().current(ext)).isEmpty();
    }
}
