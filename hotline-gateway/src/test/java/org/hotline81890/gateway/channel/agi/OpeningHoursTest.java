package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpeningHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0} at {1} -> open={2}")
    @CsvSource(delimiter = ';', nullValues = "NONE", value = {
            "NONE; 03:00; true",
            "'  '; 03:00; true",
            "08:00-20:00; 07:59; false",
            "08:00-20:00; 08:00; true",
            "08:00-20:00; 19:59; true",
            "08:00-20:00; 20:00; false",
            "08:00-24:00; 23:59; true",
            "08:00-24:00; 00:00; false",
            "20:00-08:00; 19:59; false",
            "20:00-08:00; 20:00; true",
            "20:00-08:00; 02:30; true",
            "20:00-08:00; 08:00; false",
            "' 09:30-17:00 '; 12:00; true",
    })
    void opensAndClosesAtTheEdgesInTheLocalZone(String spec, String localTime, boolean open) {
        OpeningHours hours = OpeningHours.parse(spec, SHANGHAI);
        var at = LocalDateTime.parse("2026-11-23T" + localTime).atZone(SHANGHAI).toInstant();

        assertThat(hours.isOpen(at)).isEqualTo(open);
    }
}
