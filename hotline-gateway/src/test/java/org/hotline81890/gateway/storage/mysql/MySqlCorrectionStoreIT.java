package org.hotline81890.gateway.storage.mysql;

import org.hotline81890.gateway.matching.CorrectionStore;
import org.hotline81890.gateway.matching.CorrectionStoreContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The corrections contract on MariaDB (V14 match_correction). */
class MySqlCorrectionStoreIT implements CorrectionStoreContract {
    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    public CorrectionStore store() {
        return new MySqlCorrectionStore(db.database().transactions());
    }
}
