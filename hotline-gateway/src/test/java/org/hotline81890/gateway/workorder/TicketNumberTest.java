package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TicketNumberTest {
    @Test
    void randomTicketsShouldBeValidNineDigitsAndRarelyCollide() {
        Random random = new Random(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            TicketNumber t = TicketNumber.random(random);
            assertThat(t.value()).matches("[1-9][0-9]{8}");
            seen.add(t.value());
        }
        assertThat(seen.size()).isGreaterThan(9_990);
    }

    @Test
    void everySingleDigitErrorAndAdjacentSwapShouldBeCaught() {
        Random random = new Random(11);
        for (int n = 0; n < 500; n++) {
            String v = TicketNumber.random(random).value();
            for (int i = 0; i < v.length(); i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != v.charAt(i)) {
                        String typo = v.substring(0, i) + d + v.substring(i + 1);
                        assertThat(TicketNumber.isValid(typo)).as(typo).isFalse();
                    }
                }
                if (i + 1 < v.length() && v.charAt(i) != v.charAt(i + 1)) {
                    String swapped = v.substring(0, i) + v.charAt(i + 1) + v.charAt(i) + v.substring(i + 2);
                    assertThat(TicketNumber.isValid(swapped)).as(swapped).isFalse();
                }
            }
        }
    }

    @Test
    void typedFormsShouldParse() {
        TicketNumber t = TicketNumber.random(new Random(3));
        assertThat(TicketNumber.of(t.grouped())).isEqualTo(t);
        assertThat(TicketNumber.of(" " + t.value().substring(0, 4) + " " + t.value().substring(4))).isEqualTo(t);
        assertThatThrownBy(() -> TicketNumber.of("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketNumber.of("abcdefghi")).isInstanceOf(IllegalArgumentException.class);
    }
}
