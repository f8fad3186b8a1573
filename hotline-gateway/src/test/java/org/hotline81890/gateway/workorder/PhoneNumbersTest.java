package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "13800001111|13800001111",
        "' 138 0000 1111 '|13800001111",
        "+86 138-0000-1111|+8613800001111",
        "(0574) 8189-0000|057481890000",
        "tel:81890|81890"})
    void keepsDigitsAndALeadingPlus(String raw, String kept) {
        assertThat(PhoneNumbers.normalise(raw)).isEqualTo(kept);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "anonymous", "Unknown", "+", "+１２３"}) // full-width digits are not digits here
    void withheldNumbersAreAnonymous(String raw) {
        assertThat(PhoneNumbers.normalise(raw)).isEqualTo("anonymous");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012345678901", "+86 1234 5678 9012 3456 7890"})
    void refusesMoreThanTwentyDigits(String raw) {
        assertThatThrownBy(() -> PhoneNumbers.normalise(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20 digits");
    }

    @ParameterizedTest
    @CsvSource({"13800001111,138****1111", "057481890000,057*****0000", "8189000,81*9000", "81890,****"})
    void masksForLogs(String number, String masked) {
        assertThat(PhoneNumbers.mask(number)).isEqualTo(masked);
    }
}
