package org.hotline81890.gateway.storage.mysql;

import java.sql.Statement;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.store.ProviderStore;
import org.hotline81890.partners.store.ProviderStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The partner-network's provider store contract on real MariaDB; each test starts from an empty table. */
class MySqlProviderStoreIT implements ProviderStoreContract {
    private static TestDatabase db;
    private static MySqlProviderStore store;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlProviderStore(db.database().transactions());
    }

    @BeforeEach
    void empty() {
        db.database().transactions().inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM provider");
            }
        });
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public ProviderStore store() {
        return store;
    }
}
