package org.hotline81890.partners.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.TestProviders;

class BalancedDispatchPolicyTest {
    /** Tuesday 2026-03-03 10:00 Shanghai. */
    private static final Instant TUE_10 = Instant.parse("2026-03-03T02:00:00Z");
    /** Tuesday 2026-03-03 23:30 Shanghai. */
    private static final Instant TUE_2330 = Instant.parse("2026-03-03T15:30:00Z");
    private static final ServiceCode HK01 = ServiceCode.of("HK-01");
    private static final Area LIUXI = Area.of("海曙区/南门街道/柳西社区/网格03");

    private final BalancedDispatchPolicy policy = new BalancedDispatchPolicy();

    record Case(String name, List<Provider> providers, Instant now, Map<String, Integer> active,
            Map<String, Integer> paid, Set<String> excluded, Set<String> avoid, List<String> expectedRanking,
            String expectedNoCandidateReason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                ranked("area: finer coverage ranks first, other streets and services are left out",
                        List.of(p("A").coverage("海曙区"), p("B").coverage("海曙区/南门街道/柳西社区"),
                                p("C").coverage("海曙区/月湖街道"), p("D").services("HK-02")),
                        TUE_10, Map.of(), Map.of(), Set.of(), Set.of(), List.of("B", "A")),
                ranked("area: wildcard street matches the community anywhere",
                        List.of(p("A").coverage("海曙区/*/柳西社区"), p("B").coverage("江北区")),
                        TUE_10, Map.of(), Map.of(), Set.of(), Set.of(), List.of("A")),
                ranked("hours: closed at night is left out, 24h and past-midnight windows stay",
                        List.of(p("A").hours("MON-FRI 08:00-18:00"), p("B").hours("24h"),
                                p("C").hours("TUE 22:00-02:00").rating(3.9)),
                        TUE_2330, Map.of(), Map.of(), Set.of(), Set.of(), List.of("B", "C")),
                ranked("capacity: full is left out, the less loaded ranks first",
                        List.of(p("A").capacity(2), p("B").capacity(4), p("C").capacity(4)),
                        TUE_10, Map.of("A", 2, "B", 3, "C", 1), Map.of(), Set.of(), Set.of(), List.of("C", "B")),
                ranked("fairness: the firm with most recent paid work drops below an equal peer",
                        List.of(p("A"), p("B"), p("C").rating(3.9)),
                        TUE_10, Map.of(), Map.of("A", 30, "B", 5, "C", 5), Set.of(), Set.of(), List.of("B", "C", "A")),
                ranked("fairness does not apply to volunteers",
                        List.of(p("A").kind(ProviderKind.VOLUNTEER_TEAM).rating(4.5), p("B").rating(4.0)),
                        TUE_10, Map.of(), Map.of("A", 100), Set.of(), Set.of(), List.of("A", "B")),
                ranked("rating breaks an otherwise equal tie",
                        List.of(p("A").rating(3.0), p("B").rating(4.8)),
                        TUE_10, Map.of(), Map.of(), Set.of(), Set.of(), List.of("B", "A")),
                ranked("tried providers are excluded, and so is the one the resident was unsatisfied with",
                        List.of(p("A").rating(5.0), p("B").rating(3.0), p("C").rating(4.0)),
                        TUE_10, Map.of(), Map.of(), Set.of("C"), Set.of("A"), List.of("B")),
                ranked("suspended providers are left out",
                        List.of(p("A").status(ProviderStatus.SUSPENDED), p("B")),
                        TUE_10, Map.of(), Map.of(), Set.of(), Set.of(), List.of("B")),
                none("no candidate: nobody offers the service",
                        List.of(p("A").services("HK-02")), TUE_10, Map.of(), Set.of(), "no provider offers HK-01"),
                none("no candidate: all outside the area",
                        List.of(p("A").coverage("江北区"), p("B").coverage("海曙区/月湖街道")), TUE_10, Map.of(), Set.of(),
                        "2 do not cover 海曙区/南门街道/柳西社区/网格03"),
                none("no candidate: closed at night",
                        List.of(p("A").hours("MON-FRI 08:00-18:00")), TUE_2330, Map.of(), Set.of(),
                        "1 closed at Tue 23:30"),
                none("no candidate: all at capacity",
                        List.of(p("A").capacity(1)), TUE_10, Map.of("A", 1), Set.of(), "1 at capacity"),
                none("no candidate: everyone already tried",
                        List.of(p("A"), p("B")), TUE_10, Map.of(), Set.of("A", "B"),
                        "2 already offered this work order (declined, timed out or cancelled)"),
                Arguments.of(new Case("no candidate: the only other one was tried, the resident was unsatisfied "
                        + "with the last", build(List.of(p("A"), p("B"))), TUE_10, Map.of(), Map.of(), Set.of("B"),
                        Set.of("A"), List.of(),
                        "1 did the work the resident found unsatisfying (never offered it again)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decideShouldRankOrRefuseAsTheTableSays(Case c) {
        LoadView load = LoadView.of(ids(c.active()), ids(c.paid()));
        DispatchRequest request = new DispatchRequest(HK01, LIUXI, c.now(), idSet(c.excluded()), idSet(c.avoid()));

        DispatchDecision decision = policy.decide(request, ProviderIndex.of(c.providers()), load);

        assertThat(decision.policy()).isEqualTo("balanced-v1");
        if (c.expectedRanking().isEmpty()) {
            assertThat(decision).isInstanceOf(DispatchDecision.NoCandidate.class);
            assertThat(((DispatchDecision.NoCandidate) decision).reasons()).contains(c.expectedNoCandidateReason());
        } else {
            assertThat(decision).isInstanceOf(DispatchDecision.Chosen.class);
            List<RankedCandidate> ranked = ((DispatchDecision.Chosen) decision).ranked();
            assertThat(ranked).extracting(r -> r.provider().id().value())
                    .containsExactlyElementsOf(c.expectedRanking());
            assertThat(ranked).allSatisfy(r -> assertThat(r.reasons()).isNotEmpty()
                    .anyMatch(reason -> reason.startsWith("provides HK-01 and covers " + LIUXI)));
        }
    }

    private static TestProviders p(String id) {
        return TestProviders.provider(id).coverage("海曙区/南门街道");
    }

    private static Arguments ranked(String name, List<TestProviders> providers, Instant now,
            Map<String, Integer> active, Map<String, Integer> paid, Set<String> excluded, Set<String> avoid,
            List<String> expected) {
        return Arguments.of(new Case(name, build(providers), now, active, paid, excluded, avoid, expected, ""));
    }

    private static Arguments none(String name, List<TestProviders> providers, Instant now, Map<String, Integer> active,
            Set<String> excluded, String reason) {
        return Arguments.of(
                new Case(name, build(providers), now, active, Map.of(), excluded, Set.of(), List.of(), reason));
    }

    private static List<Provider> build(List<TestProviders> builders) {
        return builders.stream().map(TestProviders::build).toList();
    }

    private static Map<ProviderId, Integer> ids(Map<String, Integer> byName) {
        Map<ProviderId, Integer> out = new java.util.HashMap<>();
        byName.forEach((k, v) -> out.put(ProviderId.of(k), v));
        return out;
    }

    private static Set<ProviderId> idSet(Set<String> names) {
        return names.stream().map(ProviderId::of).collect(java.util.stream.Collectors.toSet());
    }
}
