package org.hotline81890.gateway.storage.mysql;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.voice.CallRecords;
import org.hotline81890.gateway.voice.CallRecordsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** MySqlCallRecords held to the CallRecords contract on real MariaDB. */
class MySqlCallRecordsIT implements CallRecordsContract {
    private static TestDatabase db;
    private static MySqlCallRecords records;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        records = new MySqlCallRecords(db.database().transactions());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public CallRecords records() {
        return records;
    }
}
