package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.voice.AgentCallLog;
import org.hotline81890.gateway.voice.AgentCallLogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent-call log contract on real MariaDB. */
class MySqlAgentCallLogIT implements AgentCallLogContract {
    private static TestDatabase db;
    private static MySqlAgentCallLog log;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        log = new MySqlAgentCallLog(db.database().transactions());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public AgentCallLog log() {
        return log;
    }

    /** A call's end and the wrap-up it begins are one transaction (ADR 0052): both written, or neither. */
    @Test
    void aCallsEndAndItsWrapUpShouldBeWrittenTogetherOrNotAtAll() {
        MySqlWrapUps wrapUps = new MySqlWrapUps(db.database().transactions());
        Instant t = Instant.parse("2026-12-06T01:30:00Z");
        String ext = "9" + UUID.randomUUID().toString().substring(0, 6);
        log.connected(new AgentCallLog.LiveCall("u-" + ext, ext, "PJSIP/trunk-1", "PJSIP/" + ext + "-1", t));

        assertThatThrownBy(() -> log.together(() -> {
            log.ended("u-" + ext, ext, t.plusSeconds(60));
            wrapUps.begin(ext, "u-" + ext, t.plusSeconds(60));
            throw new IllegalStateException("the unit fails after both writes");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(log.current(ext)).as("the end rolled back with the unit").isPresent();
        assertThat(wrapUps.open(ext)).as("the wrap-up rolled back with the unit").isEmpty();

        log.together(() -> {
            log.ended("u-" + ext, ext, t.plusSeconds(60));
            wrapUps.begin(ext, "u-" + ext, t.plusSeconds(60));
        });
        assertThat(log.current(ext)).isEmpty();
        assertThat(wrapUps.open(ext)).hasValueSatisfying(w -> assertThat(w.uniqueId()).isEqualTo("u-" + ext));
    }
}
