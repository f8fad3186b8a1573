package org.hotline81890.gateway.storage.mysql;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.voice.WrapUps;
import org.hotline81890.gateway.voice.WrapUpsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The wrap-up contract on real MariaDB. */
class MySqlWrapUpsIT implements WrapUpsContract {
    private static TestDatabase db;
    private static MySqlWrapUps wrapUps;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        wrapUps = new MySqlWrapUps(db.database().transactions());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public WrapUps wrapUps() {
        return wrapUps;
    }
}
