package org.hotline81890.gateway.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.Tracker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Why an order is on the 督办 list, from the words the tracker, the dispatcher and the survey write. */
class EscalationReasonTest {
    static Stream<Arguments> details() {
        return Stream.of(
                Arguments.of("escalated (督办): no provider can take it (balanced-v1): 2 provider(s) offer HK-01; "
                        + "none can take it now; 2 do not cover 鄞州区", EscalationReason.NO_PROVIDER),
                Arguments.of("escalated (督办): no provider can take it (balanced-v1): 2 already offered this work "
                        + "order (declined, timed out or cancelled)", EscalationReason.OFFERS_EXHAUSTED),
                Arguments.of("escalated (督办): no provider took the job before the respond-by deadline",
                        EscalationReason.RESPOND_LATE),
                Arguments.of("escalated (督办): no agent placed the request before the respond-by deadline",
                        EscalationReason.UNPLACED),
                Arguments.of("escalated (督办): not completed before the complete-by deadline",
                        EscalationReason.COMPLETE_LATE),
                Arguments.of("escalated (督办): DEP-W did not complete the transfer by 2026-12-05T03:00:00Z",
                        EscalationReason.TRANSFER_OVERDUE),
                Arguments.of(Survey.UNSATISFIED_TWICE, EscalationReason.UNSATISFIED_TWICE),
                Arguments.of("escalated (督办): " + Tracker.REPLY_UNDECIDED, EscalationReason.REPLY_UNDECIDED),
                Arguments.of("escalated (督办): no service matched, nothing to dispatch on",
                        EscalationReason.NO_SERVICE),
                Arguments.of("moved by hand", EscalationReason.OTHER));
    }

    @ParameterizedTest
    @MethodSource("details")
    void theReasonShouldBeReadFromTheEscalationsWords(String details, EscalationReason expected) {
        assertThat(EscalationReason.of(details)).isEqualTo(expected);
    }
}
