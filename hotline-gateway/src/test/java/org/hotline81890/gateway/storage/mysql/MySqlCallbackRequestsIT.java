package org.hotline81890.gateway.storage.mysql;

import org.hotline81890.gateway.callback.CallbackRequests;
import org.hotline81890.gateway.callback.CallbackRequestsContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The callback list contract on real MariaDB (V13). */
class MySqlCallbackRequestsIT implements CallbackRequestsContract {
    private static TestDatabase db;
    private static MySqlCallbackRequests requests;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        requests = new MySqlCallbackRequests(db.database().transactions());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public CallbackRequests requests() {
        return requests;
    }
}
