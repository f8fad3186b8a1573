package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookDeliveryTest {
    @ParameterizedTest
    @CsvSource({"200,Confirmed", "204,Confirmed", "299,Confirmed", "500,Retry", "503,Retry", "408,Retry",
            "429,Retry", "400,Rejected", "401,Rejected", "404,Rejected", "410,Rejected", "302,Rejected"})
    void statusShouldDecideBetweenDoneRetryAndGivingUp(int status, String outcome) {
        DeliveryOutcome result = WebhookDelivery.outcome(status);
        assertThat(result.getClass().getSimpleName()).isEqualTo(outcome);
    }
}
