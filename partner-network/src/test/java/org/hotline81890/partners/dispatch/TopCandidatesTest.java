package org.hotline81890.partners.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.hotline81890.partners.AreaPattern;
import org.hotline81890.partners.TestProviders;

class TopCandidatesTest {
    record Scored(BalancedDispatchPolicy.Eligible candidate, double score) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void shouldKeepTheSameTopAsAFullSort(int seed) {
        Random random = new Random(seed);
        List<Scored> all = new ArrayList<>();
        TopCandidates top = new TopCandidates(10);
        for (int i = 0; i < 1 + random.nextInt(60); i++) {
            var eligible = new BalancedDispatchPolicy.Eligible(
                    TestProviders.provider(String.format("P-%03d", i)).build(), AreaPattern.of("海曙区"), 0,
                    random.nextInt(3));
            double score = random.nextInt(5) / 2.0;
            all.add(new Scored(eligible, score));
            top.offer(eligible, score);
        }
        all.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingLong((Scored s) -> s.candidate().draw()).reversed())
                .thenComparing(s -> s.candidate().provider().id()));
        List<String> expected = all.stream().limit(10).map(s -> s.candidate().provider().id().value()).toList();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            actual.add(top.get(i).provider().id().value());
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
