package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the first-offer order splits a claim's dispatch slots between orders inside their promise and late ones. */
class FirstOfferOrderTest {

    /**
     * order, late share (%), the dispatch slots of successive claims, the slots that go to orders inside their promise
     * in each. The late orders' share is carried from claim to claim, so one-slot claims pay it too.
     */
    @ParameterizedTest(name = "{0} late {1} %: slots {2} -> in promise {3}")
    @CsvSource(delimiter = ';', value = {
        "fifo;    10;  100 100 1;            0 0 0",
        "promise; 10;  100 100;              90 90",
        "promise; 10;  1 1 1 1 1 1 1 1 1 1;  1 1 1 1 1 1 1 1 1 0",
        "promise; 10;  5 5 5 5;              5 4 5 4",
        "promise; 25;  4 4 3 1;              3 3 3 0",
        "promise; 1;   100 50 50;            99 50 49",
        "promise; 50;  1 1 1 1;              1 0 1 0",
        "promise; 100; 100 7;                0 0",
        "promise; 10;  0 10;                 0 9",
    })
    void aClaimsDispatchSlotsShouldGoToOrdersInsideTheirPromiseButTheLateShare(String mode, int lateShare,
                                                                              String slots, String inPromise) {
        FirstOfferOrder order = new FirstOfferOrder(FirstOfferOrder.Mode.of(mode), Duration.ofMinutes(5), lateShare);

        List<Integer> got = new ArrayList<>();
        for (int s : ints(slots)) {
            got.add(order.inPromiseSlots(s));
        }

        assertThat(got).containsExactlyElementsOf(ints(inPromise));
    }

    @Test
    void overManyClaimsTheLateOrdersShouldGetTheirShareWhateverTheClaimsSizes() {
        FirstOfferOrder order = new FirstOfferOrder(FirstOfferOrder.Mode.PROMISE, Duration.ofMinutes(5), 10);
        int slots = 0;
        int inPromise = 0;
        for (int i = 0; i < 1000; i++) {
            int s = 1 + i % 7;
            slots += s;
            inPromise += order.inPromiseSlots(s);
        }

        assertThat(slots - inPromise).isBetween(slots / 10 - 1, slots / 10 + 1);
    }

    @Test
    void theOrdersInsideTheirPromiseShouldBeThoseThatCameWithinItOfNow() {
        FirstOfferOrder order = new FirstOfferOrder(FirstOfferOrder.Mode.PROMISE, Duration.ofMinutes(5), 10);
        Instant now = Instant.parse("2026-12-06T01:30:00Z");

        assertThat(order.promiseStart(now)).isEqualTo(Instant.parse("2026-12-06T01:25:00Z"));
        assertThat(order.promiseAware()).isTrue();
        assertThat(FirstOfferOrder.fifo().promiseAware()).isFalse();
        assertThat(new FirstOfferOrder(FirstOfferOrder.Mode.PROMISE, Duration.ofMinutes(5), 100).promiseAware())
                .isFalse();
    }

    @Test
    void anUnknownOrderOrShareShouldBeRefused() {
        assertThatThrownBy(() -> FirstOfferOrder.Mode.of("newest")).hasMessageContaining("promise or fifo");
        assertThatThrownBy(() -> new FirstOfferOrder(FirstOfferOrder.Mode.PROMISE, Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FirstOfferOrder(FirstOfferOrder.Mode.PROMISE, Duration.ofMinutes(5), 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> ints(String s) {
        return Arrays.stream(s.strip().split("\\s+")).map(Integer::parseInt).toList();
    }
}
