package org.hotline81890.gateway.storage.mysql;

import org.hotline81890.gateway.dispatch.ProviderRatings;
import org.hotline81890.gateway.dispatch.ProviderRatingsContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** MySqlProviderRatings held to the ProviderRatings contract on real MariaDB. */
class MySqlProviderRatingsIT implements ProviderRatingsContract {
    private static TestDatabase db;
    private static MySqlProviderRatings ratings;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        ratings = new MySqlProviderRatings(db.database().transactions());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public ProviderRatings ratings() {
        return ratings;
    }
}
