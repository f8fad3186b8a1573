package org.hotline81890.gateway.storage.mysql;

import java.time.Clock;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.voice.TerminalRegistry;
import org.hotline81890.gateway.voice.TerminalRegistryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The terminal-registry contract on real MariaDB. */
class MySqlTerminalRegistryIT implements TerminalRegistryContract {
    private static TestDatabase db;
    private static MySqlTerminalRegistry terminals;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        terminals = new MySqlTerminalRegistry(db.database().transactions(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public TerminalRegistry terminals() {
        return terminals;
    }
}
