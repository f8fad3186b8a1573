package org.hotline81890.gateway.storage.mysql;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.hotline81890.gateway.dispatch.SurveyOutcomes;
import org.hotline81890.gateway.dispatch.SurveyOutcomesContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.store.OfferStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** MySqlOfferSurveys held to the SurveyOutcomes contract on real MariaDB, over the real history and offer tables. */
class MySqlOfferSurveysIT implements SurveyOutcomesContract {
    private static TestDatabase db;
    private static MySqlWorkOrderStore store;
    private static MySqlOfferStore offers;
    private static MySqlOfferSurveys outcomes;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
        offers = new MySqlOfferStore(db.database().transactions());
        outcomes = new MySqlOfferSurveys(db.database().transactions());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public SurveyOutcomes outcomes() {
        return outcomes;
    }

    @Override
    public WorkOrderStore store() {
        return store;
    }

    @Override
    public void offered(WorkOrderId workOrder) {
        offers.save(OfferStoreContract.offer(UUID.randomUUID().toString(), Long.toString(workOrder.value()), "P-1",
                Instant.now()));
    }
}
