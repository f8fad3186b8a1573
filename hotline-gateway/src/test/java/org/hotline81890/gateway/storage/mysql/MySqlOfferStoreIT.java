package org.hotline81890.gateway.storage.mysql;

import java.sql.Statement;

import org.hotline81890.gateway.dispatch.OfferHistory;
import org.hotline81890.gateway.dispatch.OfferHistoryContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.store.OfferStore;
import org.hotline81890.partners.store.OfferStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The partner-network's offer store contract and our OfferHistory on real MariaDB; each test starts empty. */
class MySqlOfferStoreIT implements OfferStoreContract, OfferHistoryContract {
    private static TestDatabase db;
    private static MySqlOfferStore store;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlOfferStore(db.database().transactions());
    }

    @BeforeEach
    void empty() {
        db.database().transactions().inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM offer");
            }
        });
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public OfferStore store() {
        return store;
    }

    @Override
    public OfferStore offers() {
        return store;
    }

    @Override
    public OfferHistory history() {
        return store;
    }
}
