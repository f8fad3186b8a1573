package org.hotline81890.partners;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "13812345678, 138****5678",
        "8613812345678, 138****5678",
        "+8613812345678, 138****5678",
        "008613812345678, 138****5678",
        "057487654321, 057****4321",
        "+8657487654321, 574****4321",
        "+4915112345678, 491****5678",
        "1234567, *******",
    })
    void maskedShouldKeepThreeAndFourDigitsOfTheNationalNumber(String raw, String expected) {
        assertThat(PhoneNumber.of(raw).masked()).isEqualTo(expected);
    }
}
