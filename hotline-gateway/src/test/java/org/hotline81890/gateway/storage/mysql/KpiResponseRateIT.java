package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.http.KpiReport;
import org.hotline81890.gateway.dispatch.RatedProviderStore;
import org.hotline81890.gateway.supervision.OfferKpis;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.kpi.KpiRow;
import org.hotline81890.partners.kpi.Rate;
import org.hotline81890.partners.rating.BayesianRating;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One 响应率 for the wallboard ({@link KpiReport#overall}) and {@code /api/admin/kpis} ({@link KpiReport#kpis}) on the
 * same seeded MariaDB: offers in every state, and orders escalated without any offer (督办 with nobody to offer them
 * to), which both count as not answered; one of them in a category that had no offer at all.
 */
class KpiResponseRateIT {
    private static final Instant SINCE = Instant.parse("2026-12-04T16:00:00Z");
    private TestDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theWallboardsResponseRateShouldBeTheKpisOnes() {
        db = TestDatabase.create();
        Transactions tx = db.database().transactions();
        MySqlOfferKpisIT.fill(tx, new Random(81890));
        escalateTheUnoffered(tx);
        MySqlOfferSurveys surveys = new MySqlOfferSurveys(tx);
        KpiReport report = new KpiReport(new MySqlOfferStore(tx), surveys, new RatedProviderStore(
                new MySqlProviderStore(tx), new MySqlProviderRatings(tx), new BayesianRating(5)),
                new MySqlOfferKpis(tx));

        JsonObject kpis = report.kpis(SINCE);
        int unoffered = kpis.getInteger("escalatedWithoutOffer");
        assertThat(unoffered).as("the seed escalates orders without an offer").isGreaterThan(1);
        int count = 0;
        int outOf = 0;
        for (Object o : kpis.getJsonArray("byCategory")) {
            JsonObject response = ((JsonObject) o).getJsonObject("response");
            count += response.getInteger("count");
            outOf += response.getInteger("outOf");
        }
        Rate wallboard = report.overall(SINCE).response();
        assertThat(wallboard).isEqualTo(new Rate(count, outOf));
        JsonObject whole = kpis.getJsonObject("response");
        assertThat(new Rate(whole.getInteger("count"), whole.getInteger("outOf"))).isEqualTo(wallboard);
        KpiRow offersOnly = new MySqlOfferKpis(tx).rows(SINCE, OfferKpis.By.ALL).getFirst();
        assertThat(wallboard.outOf()).isEqualTo(offersOnly.response().outOf() + unoffered);
        assertThat(kpis.getJsonArray("byCategory").stream().map(o -> ((JsonObject) o).getString("group")))
                .contains("ZZ");
    }

    /** Every order without an offer escalated after {@link #SINCE}, and one more in a category nobody offered. */
    private static void escalateTheUnoffered(Transactions tx) {
        tx.inTransaction(c -> {
            Sql.update(c, "INSERT INTO work_order (id, ticket, idempotency_key, channel, caller_number, request_type, "
                    + "text, service_code, district, priority, state, created_at, updated_at) VALUES (1000, 'T1000', "
                    + "'it:1000', 'SMS', '13800000000', 'HELP', '需要帮忙', 'ZZ-01', '海曙区', 'NORMAL', 'ESCALATED', ?, ?)",
                    ps -> {
                        Sql.setInstant(ps, 1, SINCE.plusSeconds(60));
                        Sql.setInstant(ps, 2, SINCE.plusSeconds(60));
                    });
            Sql.update(c, "INSERT INTO work_order_event (work_order_id, at, actor, channel, from_state, to_state, "
                    + "details) SELECT w.id, ?, 'it', 'SYSTEM', 'NEW', 'ESCALATED', 'no provider' FROM work_order w "
                    + "WHERE NOT EXISTS (SELECT 1 FROM offer o WHERE o.work_order = CAST(w.id AS CHAR) "
                    + "COLLATE utf8mb4_unicode_ci)", ps -> Sql.setInstant(ps, 1, SINCE.plusSeconds(120)));
            return null;
        });
    }
}
