package org.hotline81890.gateway.storage.mysql;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.voice.AgentCallLog;
import org.hotline81890.gateway.voice.AgentCallLogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
