package org.hotline81890.gateway.storage.mysql;

import java.time.Clock;

import org.hotline81890.gateway.sms.SmsNotes;
import org.hotline81890.gateway.sms.SmsNotesContract;
import org.hotline81890.gateway.sms.SmsPreferences;
import org.hotline81890.gateway.sms.SmsPreferencesContract;
import org.hotline81890.gateway.sms.SubmissionLog;
import org.hotline81890.gateway.sms.SubmissionLogContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SMS ports MySqlSmsStore implements, held to their contracts on real MariaDB. */
class MySqlSmsStoreContractIT implements SubmissionLogContract, SmsPreferencesContract, SmsNotesContract {
    private static TestDatabase db;
    private static MySqlSmsStore store;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlSmsStore(db.database().transactions(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public SubmissionLog submissions() {
        return store;
    }

    @Override
    public SmsPreferences preferences() {
        return store;
    }

    @Override
    public SmsNotes notes() {
        return store;
    }
}
