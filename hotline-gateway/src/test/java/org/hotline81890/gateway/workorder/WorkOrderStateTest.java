package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline81890.gateway.workorder.WorkOrderState.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WorkOrderStateTest {

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @CsvSource({
        "RECEIVED,MATCHED,true", "RECEIVED,ANSWERED,true", "RECEIVED,ACCEPTED,false", "RECEIVED,CLOSED,false",
        "MATCHED,OFFERED,true", "MATCHED,COMPLETED,false",
        "OFFERED,OFFERED,true", "OFFERED,ACCEPTED,true", "OFFERED,COMPLETED,false",
        "ACCEPTED,COMPLETED,true", "ACCEPTED,SURVEYED,false",
        "COMPLETED,SURVEYED,true", "COMPLETED,CLOSED,true", "COMPLETED,REOPENED,true", "COMPLETED,MATCHED,false",
        "SURVEYED,CLOSED,true", "SURVEYED,REOPENED,true",
        "REOPENED,OFFERED,true", "REOPENED,CLOSED,false",
        "ESCALATED,OFFERED,true", "ESCALATED,CLOSED,true",
        "ANSWERED,CLOSED,true", "ANSWERED,REOPENED,true", "ANSWERED,ESCALATED,true", "ANSWERED,OFFERED,false",
        "CLOSED,REOPENED,false", "CANCELLED,RECEIVED,false"})
    void theTableShouldAllowExactlyTheLifecycle(WorkOrderState from, WorkOrderState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (!allowed) {
            assertThatThrownBy(() -> from.moveTo(to)).isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from + " -> " + to);
        } else {
            assertThat(from.moveTo(to)).isEqualTo(to);
        }
    }

    @ParameterizedTest
    @EnumSource(WorkOrderState.class)
    void everyStateButTheFinalOnesShouldLeadSomewhereAndNeverBackToReceived(WorkOrderState s) {
        assertThat(s.isFinal()).isEqualTo(List.of(CLOSED, CANCELLED).contains(s));
        assertThat(s.canMoveTo(RECEIVED)).isFalse();
    }
}
