package org.hotline81890.partners.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.TestProviders;

/** Services shared by several kinds of provider are told apart by the request's words; ties never go by id. */
class SharedServicesTest {
    private static final Instant TUE_10 = Instant.parse("2026-03-03T02:00:00Z");
    private static final Area HAISHU = Area.of("海曙区/南门街道");
    private static final List<Provider> UTILITIES = List.of(
            dep("DEP-POWER", "UT-03", "UT-07", "UT-08"),
            dep("DEP-WATER", "UT-01", "UT-02", "UT-07", "UT-08"),
            dep("DEP-GAS", "UT-04", "UT-07"));
    private final BalancedDispatchPolicy policy = new BalancedDispatchPolicy();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "UT-08 | 我家水表坏了，一直在转                | DEP-WATER",
        "UT-08 | 这个月用水量突然翻倍，水表是不是不准  | DEP-WATER",
        "UT-08 | 电表走得特别快，电费太高了            | DEP-POWER",
        "UT-08 | 用电量不对，要求校表                  | DEP-POWER",
        "UT-07 | 怎么交电费                            | DEP-POWER",
        "UT-07 | 燃气费在哪交                          | DEP-GAS",
        "UT-07 | 水费怎么网上交                        | DEP-WATER",
        "UT-08 | 表坏了                                | NONE",
        "UT-08 | 水表和电表都不准                      | NONE",
    })
    void aSharedServiceShouldGoToTheKindOfProviderTheWordsName(String service, String words, String expected) {
        DispatchDecision d = policy.decide(request(service, words, "W1"), ProviderIndex.of(UTILITIES),
                LoadView.of(Map.of(), Map.of()));

        if (expected.equals("NONE")) {
            assertThat(d).isInstanceOfSatisfying(DispatchDecision.NoCandidate.class, n -> assertThat(n.reasons())
                    .contains("2 cannot be told apart: the request does not say which (水表/电表/燃气表); an agent "
                            + "decides"));
        } else {
            assertThat(d).isInstanceOfSatisfying(DispatchDecision.Chosen.class, c -> {
                assertThat(c.ranked()).extracting(r -> r.provider().id().value()).containsExactly(expected);
                assertThat(c.best().reasons()).anyMatch(r -> r.startsWith("the request is about "));
            });
        }
    }

    @Test
    void theWaterMeterJobOfTheIssueGoesToTheWaterDepartmentThoughThePowerCompanySortsFirst() {
        DispatchDecision d = policy.decide(request("UT-08", "水表读数不对，抄表员估表", "W2"),
                ProviderIndex.of(UTILITIES), LoadView.of(Map.of(), Map.of()));

        assertThat(((DispatchDecision.Chosen) d).best().provider().id().value()).isEqualTo("DEP-WATER");
    }

    @Test
    void equalCandidatesShouldShareTiesAndTheSameJobShouldDrawTheSame() {
        List<Provider> equal = List.of(TestProviders.provider("A").build(), TestProviders.provider("B").build(),
                TestProviders.provider("C").build());
        Map<String, Integer> wins = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            DispatchRequest r = request("HK-01", "", "W" + i);
            String best = ((DispatchDecision.Chosen) policy.decide(r, ProviderIndex.of(equal),
                    LoadView.of(Map.of(), Map.of()))).best().provider().id().value();
            String again = ((DispatchDecision.Chosen) policy.decide(r, ProviderIndex.of(equal),
                    LoadView.of(Map.of(), Map.of()))).best().provider().id().value();
            assertThat(again).isEqualTo(best);
            wins.merge(best, 1, Integer::sum);
        }
        assertThat(wins.keySet()).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(wins.values()).allSatisfy(n -> assertThat(n).as("each about 1000 of 3000, not all to A")
                .isBetween(850, 1150));
    }

    private static DispatchRequest request(String service, String words, String workOrder) {
        return new DispatchRequest(ServiceCode.of(service), HAISHU, TUE_10, Set.of(), Set.of(), words, workOrder);
    }

    private static Provider dep(String id, String... services) {
        return TestProviders.provider(id).kind(ProviderKind.DEPARTMENT).services(services).capacity(500).build();
    }
}
