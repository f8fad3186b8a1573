package org.hotline81890.gateway.channel.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.http.BadRequestException;
import org.hotline81890.gateway.voice.CallRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallKpiQueryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration DEFAULT_WITHIN = Duration.ofSeconds(20);

    @ParameterizedTest(name = "from={0} to={1} within={2}")
    @CsvSource(nullValues = "NONE", value = {
            "NONE, NONE, NONE, 2026-11-22T09:00:00Z, 2026-11-23T09:00:00Z, 20",
            "2026-11-23T00:00:00Z, NONE, NONE, 2026-11-23T00:00:00Z, 2026-11-23T09:00:00Z, 20",
            "NONE, 2026-11-20T00:00:00Z, 15, 2026-11-19T00:00:00Z, 2026-11-20T00:00:00Z, 15",
            "2026-11-01T00:00:00Z, 2026-12-02T00:00:00Z, ' 30 ', 2026-11-01T00:00:00Z, 2026-12-02T00:00:00Z, 30",
    })
    void windowAndThresholdDefaultSensibly(String from, String to, String within, String expFrom, String expTo,
                                           long expWithin) {
        CallKpiQuery q = CallKpiQuery.parse(Optional.ofNullable(from), Optional.ofNullable(to),
                Optional.ofNullable(within), NOW, DEFAULT_WITHIN);

        assertThat(q).isEqualTo(new CallKpiQuery(Instant.parse(expFrom), Instant.parse(expTo),
                Duration.ofSeconds(expWithin)));
    }

    @ParameterizedTest(name = "from={0} to={1} within={2} -> {3}")
    @CsvSource(nullValues = "NONE", value = {
            "yesterday, NONE, NONE, from",
            "NONE, 2026-13-01T00:00:00Z, NONE, to",
            "NONE, NONE, 20s, answeredWithin",
            "NONE, NONE, 0, answeredWithin",
            "NONE, NONE, -5, answeredWithin",
            "2026-11-23T09:00:00Z, 2026-11-23T09:00:00Z, NONE, from",
            "2026-11-23T10:00:00Z, NONE, NONE, from",
            "2026-10-01T00:00:00Z, 2026-11-02T00:00:00Z, NONE, from",
    })
    void badParametersNameTheirField(String from, String to, String within, String field) {
        assertThatThrownBy(() -> CallKpiQuery.parse(Optional.ofNullable(from), Optional.ofNullable(to),
                Optional.ofNullable(within), NOW, DEFAULT_WITHIN))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void jsonCarriesCountsAndRates() {
        CallKpiQuery q = new CallKpiQuery(NOW.minusSeconds(3600), NOW, DEFAULT_WITHIN);

        JsonObject j = CallKpiRoutes.json(q, new CallRecords.CallKpis(8, 6, 4, 2, 12.5));

        assertThat(j.getLong("offered")).isEqualTo(8);
        assertThat(j.getLong("answeredInTime")).isEqualTo(4);
        assertThat(j.getLong("answeredWithinSeconds")).isEqualTo(20);
        assertThat(j.getDouble("answerRate")).isEqualTo(0.75);
        assertThat(j.getDouble("serviceLevel")).isEqualTo(0.5);
        assertThat(j.getDouble("abandonRate")).isEqualTo(0.25);
        assertThat(j.getDouble("averageWaitSeconds")).isEqualTo(12.5);
        assertThat(j.getString("from")).isEqualTo("2026-11-23T08:00:00Z");
    }

    @Test
    void noOfferedCallsGiveZeroRatesNotNaN() {
        JsonObject j = CallKpiRoutes.json(new CallKpiQuery(NOW.minusSeconds(60), NOW, DEFAULT_WITHIN),
                new CallRecords.CallKpis(0, 0, 0, 0, 0.0));

        assertThat(j.encode()).doesNotContain("NaN");
        assertThat(j.getDouble("serviceLevel")).isZero();
    }
}
