package org.hotline81890.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.KpiReport;
import org.hotline81890.gateway.channel.http.SupervisorRoutes;
import org.hotline81890.gateway.dispatch.InMemoryOfferHistory;
import org.hotline81890.gateway.dispatch.InMemoryProviderRatings;
import org.hotline81890.gateway.dispatch.InMemorySurveyOutcomes;
import org.hotline81890.gateway.dispatch.RatedProviderStore;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.rating.BayesianRating;
import org.hotline81890.partners.store.InMemoryProviderStore;
import org.hotline81890.partners.store.OfferStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the 60,000 simulated day's report read 响应率 0.0 % / 解决率 - / 满意率 - while thousands of offers had
 * been accepted. The report asked {@code /api/admin/kpis?days=6}, a window counted back from the hotline's clock; that
 * clock is simulated and ran on at the drain's 3000x while the report read the day's orders (minutes of real time),
 * so by the KPI read it stood more than six simulated days after the day and the window held none of its offers. The
 * report now names the window's start; here the hotline's clock stands ten days after the day, as it did then.
 */
class DayReportKpiWindowTest {
    private static final Instant DAY = Instant.parse("2026-12-04T16:00:00Z");
    private final Vertx vertx = Vertx.vertx();
    private final Blocking blocking = new Blocking(vertx);

    @AfterEach
    void close() {
        blocking.close();
        vertx.close().await();
    }

    private int serve(Clock clock) {
        InMemoryOfferHistory offers = new InMemoryOfferHistory();
        Offer offered = OfferStoreContract.offer("o-1", "901", "P-1", DAY.plus(Duration.ofHours(9)));
        offers.save(offered);
        offers.save(offered.accept(DAY.plus(Duration.ofHours(9)).plusSeconds(40)));
        offers.save(OfferStoreContract.offer("o-2", "902", "P-1", DAY.plus(Duration.ofHours(10))));
        KpiReport report = new KpiReport(offers, new InMemorySurveyOutcomes(new InMemoryWorkOrderStore(clock)),
                new RatedProviderStore(new InMemoryProviderStore(), new InMemoryProviderRatings(),
                        new BayesianRating(5)));
        Router router = Router.router(vertx);
        new SupervisorRoutes(report, blocking, clock).mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
        return server.actualPort();
    }

    @Test
    void theDaysKpisShouldCountItsOffersHoweverFarTheSimulatedClockRanWhileReading() {
        int port = serve(Clock.fixed(DAY.plus(Duration.ofDays(10)), ZoneOffset.UTC));

        DayReport.Figures f = new DayReport("http://127.0.0.1:" + port, "unused").collect(Map.of(), DAY, DAY);

        assertThat(f.kpis().getInteger("offers")).as(f.kpis().encode()).isEqualTo(2);
        assertThat(f.rate("response")).as(f.kpis().encode()).contains(1.0);
    }

    @Test
    void fromShouldBeAnInstantAndNotComeWithDays() throws Exception {
        int port = serve(Clock.fixed(DAY.plus(Duration.ofDays(10)), ZoneOffset.UTC));
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String query : new String[] {"from=yesterday", "from=" + DAY + "&days=6"}) {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/kpis?" + query)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(res.statusCode()).as(query + ": " + res.body()).isEqualTo(400);
            }
            HttpResponse<String> days = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/admin/kpis?days=6")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(days.body()).as("the old window, six days back from the clock").contains("\"offers\":0");
        }
    }
}
