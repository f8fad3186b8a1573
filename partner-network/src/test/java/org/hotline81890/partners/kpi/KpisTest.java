package org.hotline81890.partners.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.RequestKind;
import org.hotline81890.partners.offer.WorkOrderRef;

class KpisTest {
    private static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");
    private static final ProviderId A = ProviderId.of("P-A");
    private static final ProviderId B = ProviderId.of("P-B");
    private final List<Offer> offers = new ArrayList<>();
    private final List<SurveyRecord> surveys = new ArrayList<>();
    private int n;

    private Offer offer(ProviderId provider, String service) {
        n++;
        DispatchJob job = new DispatchJob(new WorkOrderRef("W" + n), ServiceCode.of(service), Area.of("海曙区"),
                RequestKind.HELP, false);
        return Offer.assignment(new OfferId("o" + n), job, provider, T0, T0.plusSeconds(300));
    }

    private void survey(Offer offer, SurveyAnswer answer) {
        surveys.add(new SurveyRecord(offer.job().workOrder(), offer.provider(), offer.job().service(), answer));
    }

    private void history() {
        Offer a1 = offer(A, "HK-01").accept(T0.plusSeconds(60)).start(T0.plusSeconds(100))
                .complete(T0.plusSeconds(900), "");
        Offer a2 = offer(A, "HK-02").accept(T0.plusSeconds(120)).start(T0.plusSeconds(200))
                .complete(T0.plusSeconds(900), "");
        Offer a3 = offer(A, "HK-01").accept(T0.plusSeconds(240));
        Offer a4 = offer(A, "RP-01").decline(T0.plusSeconds(30), "busy");
        Offer a5 = offer(A, "RP-01").expire(T0.plusSeconds(300));
        Offer a6 = offer(A, "RP-01").cancel(T0.plusSeconds(10), "agent reassigned");
        Offer b1 = offer(B, "RP-01").accept(T0.plusSeconds(30)).start(T0.plusSeconds(40))
                .complete(T0.plusSeconds(50), "");
        offers.addAll(List.of(a1, a2, a3, a4, a5, a6, b1));
        survey(a1, SurveyAnswer.SATISFIED);
        survey(a2, SurveyAnswer.UNSATISFIED);
        survey(b1, SurveyAnswer.NO_REPLY);
    }

    @Test
    void scorecardShouldCountEachOutcomeOnce() {
        history();
        Scorecard card = Kpis.scorecard(A, offers, surveys);
        assertThat(card.offers()).isEqualTo(6);
        assertThat(card.acceptance()).isEqualTo(new Rate(3, 5));
        assertThat(card.medianTimeToAccept()).contains(Duration.ofSeconds(120));
        assertThat(card.completion()).isEqualTo(new Rate(2, 3));
        assertThat(card.satisfaction()).isEqualTo(new Rate(1, 2));
        assertThat(card.unsatisfied()).isEqualTo(1);
        assertThat(card.noReply()).isZero();
        assertThat(card.overdue()).isZero();
        Scorecard b = Kpis.scorecard(B, offers, surveys);
        assertThat(b.satisfaction().value()).as("no reply is not satisfied, nor a rate").isEmpty();
        assertThat(b.noReply()).isEqualTo(1);
    }

    @Test
    void categoryKpisShouldGroupByServiceCategory() {
        history();
        List<KpiRow> rows = Kpis.byCategory(offers, surveys);
        assertThat(rows).extracting(KpiRow::group).containsExactly("HK", "RP");
        KpiRow hk = rows.get(0);
        assertThat(hk.response()).isEqualTo(new Rate(3, 3));
        assertThat(hk.resolution()).isEqualTo(new Rate(2, 3));
        assertThat(hk.satisfaction()).isEqualTo(new Rate(1, 2));
        assertThat(hk.p50()).contains(Duration.ofSeconds(120));
        assertThat(hk.p99()).contains(Duration.ofSeconds(240));
        KpiRow rp = rows.get(1);
        assertThat(rp.offers()).isEqualTo(4);
        assertThat(rp.response()).as("accepted + declined out of those due; the withdrawn one is not due")
                .isEqualTo(new Rate(2, 3));
        assertThat(rp.noReply()).isEqualTo(1);
        assertThat(Kpis.byProvider(offers, surveys)).extracting(KpiRow::group).containsExactly("P-A", "P-B");
    }

    @Test
    void aMissedHandlingDeadlineShouldCountAgainstTheDepartment() {
        ProviderId dept = ProviderId.of("DEP-WATER");
        DispatchJob job = new DispatchJob(new WorkOrderRef("W-T"), ServiceCode.of("UT-01"), Area.of("海曙区"),
                RequestKind.HELP, false);
        Offer missed = Offer.transfer(new OfferId("t1"), job, dept, T0, T0.plusSeconds(7200),
                T0.plusSeconds(86_400)).accept(T0.plusSeconds(600)).markOverdue().start(T0.plusSeconds(90_000))
                .complete(T0.plusSeconds(90_100), "late");
        Offer extended = Offer.transfer(new OfferId("t2"), job, dept, T0, T0.plusSeconds(7200),
                T0.plusSeconds(86_400)).accept(T0.plusSeconds(600)).extendHandlingTo(T0.plusSeconds(172_800));
        offers.addAll(List.of(missed, extended));
        assertThat(Kpis.scorecard(dept, offers, surveys).overdue()).isEqualTo(1);
        assertThat(Kpis.byProvider(offers, surveys)).singleElement().satisfies(r -> {
            assertThat(r.overdue()).isEqualTo(1);
            assertThat(r.resolution()).isEqualTo(new Rate(1, 2));
        });
        assertThat(Kpis.byCategory(offers, surveys)).singleElement().extracting(KpiRow::overdue).isEqualTo(1);
    }

    @ParameterizedTest(name = "p{0} of 1..{1} s = {2} s")
    @CsvSource({"50, 10, 5", "90, 10, 9", "99, 10, 10", "99, 200, 198", "50, 1, 1", "1, 100, 1"})
    void percentileShouldUseNearestRank(int p, int size, int expectedSeconds) {
        List<Duration> values = new ArrayList<>();
        for (int i = size; i >= 1; i--) {
            values.add(Duration.ofSeconds(i));
        }
        assertThat(Kpis.percentile(values, p)).contains(Duration.ofSeconds(expectedSeconds));
        assertThat(Kpis.percentile(List.of(), p)).isEqualTo(Optional.empty());
    }
}
