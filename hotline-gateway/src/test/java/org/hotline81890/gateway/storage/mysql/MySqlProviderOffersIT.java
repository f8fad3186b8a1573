package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.hotline81890.gateway.dispatch.SurveyOutcomes;
import org.hotline81890.gateway.supervision.OfferKpisInMemory;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.kpi.Kpis;
import org.hotline81890.partners.kpi.Scorecard;
import org.hotline81890.partners.offer.Offer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider's scorecard from its orders' offers ({@link MySqlProviderOffers}, by the provider's index) is the
 * scorecard from the whole day's offers, as {@code KpiReport.scorecard} read them before: the same offers of the
 * provider and the same survey answers paired with them, on the seeded offers and outcomes of {@link MySqlOfferKpisIT}.
 */
class MySqlProviderOffersIT {
    private static final Instant SINCE = Instant.parse("2026-12-04T16:00:00Z");
    private TestDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aScorecardFromTheProvidersOrdersShouldBeTheScorecardFromTheWholeDay() {
        db = TestDatabase.create();
        Transactions tx = db.database().transactions();
        MySqlOfferKpisIT.fill(tx, new Random(81890));
        List<Offer> day = new MySqlOfferStore(tx).offeredSince(SINCE);
        List<SurveyOutcomes.Answered> answered = new MySqlOfferSurveys(tx).since(SINCE);
        MySqlProviderOffers byProvider = new MySqlProviderOffers(tx);
        int rated = 0;
        for (int i = 1; i <= 6; i++) {
            ProviderId p = new ProviderId("P-" + i);
            List<Offer> mine = byProvider.ofOrdersOf(p, SINCE);
            assertThat(mine.size()).as(p + ": fewer rows than the day").isLessThan(day.size());
            Scorecard whole = Kpis.scorecard(p, day, OfferKpisInMemory.paired(day, answered));
            Scorecard read = Kpis.scorecard(p, mine, OfferKpisInMemory.paired(mine, answered));
            assertThat(read).as(p.value()).isEqualTo(whole);
            assertThat(whole.offers()).as(p + " has offers in the seed").isPositive();
            rated += whole.satisfaction().outOf() + whole.noReply();
        }
        assertThat(rated).as("the seed pairs survey answers with the providers' jobs").isPositive();
    }
}
