package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.hotline81890.gateway.voice.OneKeyTerminal;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestType;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CallRoutingTest {
    private static final CallRouting.Queues QUEUES = new CallRouting.Queues("hotline", "hotline-priority", 10);
    private static final OneKeyTerminal TERMINAL =
            new OneKeyTerminal("13900001111", "王阿婆", "82岁", "幸福路1号", "女儿 13900002222");

    static Stream<Arguments> cases() {
        return Stream.of(
                // priority, from a terminal, expected queue, QUEUE_PRIO, HOTLINE_PRIORITY
                Arguments.of(Priority.NORMAL, false, "hotline", "0"),
                Arguments.of(Priority.EMERGENCY, false, "hotline-priority", "0"),
                Arguments.of(Priority.NORMAL, true, "hotline-priority", "10"),
                Arguments.of(Priority.EMERGENCY, true, "hotline-priority", "10"));
    }

    @ParameterizedTest(name = "{0}, terminal={1} -> {2} prio {3}")
    @MethodSource("cases")
    void queueAndJumpFollowPriorityAndTerminal(Priority priority, boolean fromTerminal, String queue, String jump) {
        WorkOrder order = order(7, "123456786", priority, WorkOrderState.RECEIVED);

        CallRouting r = CallRouting.decide(order, fromTerminal ? Optional.of(TERMINAL) : Optional.empty(), List.of(),
                QUEUES);

        assertThat(r.variables())
                .containsEntry("HOTLINE_QUEUE", queue)
                .containsEntry("QUEUE_PRIO", jump)
                .containsEntry("HOTLINE_PRIORITY", priority.wire())
                .containsEntry("HOTLINE_TERMINAL", fromTerminal ? "1" : "0")
                .containsEntry("HOTLINE_TICKET", "123456786")
                .containsEntry("HOTLINE_WORKORDER", "7")
                .containsEntry("HOTLINE_OPEN_ORDERS", "0")
                .doesNotContainKey("HOTLINE_LAST_TICKET");
    }

    @Test
    void otherOpenOrdersExcludeThisCallsOrderAndFinalOnes() {
        WorkOrder current = order(7, "123456786", Priority.NORMAL, WorkOrderState.RECEIVED);
        WorkOrder openOne = order(5, "234567890", Priority.NORMAL, WorkOrderState.ACCEPTED);
        WorkOrder closed = order(4, "345678914", Priority.NORMAL, WorkOrderState.CLOSED);
        WorkOrder olderOpen = order(3, "456789121", Priority.NORMAL, WorkOrderState.MATCHED);

        CallRouting r = CallRouting.decide(current, Optional.empty(), List.of(current, openOne, closed, olderOpen),
                QUEUES);

        assertThat(r.otherOpenOrders()).containsExactly(openOne, olderOpen);
        assertThat(r.variables())
                .containsEntry("HOTLINE_OPEN_ORDERS", "2")
                .containsEntry("HOTLINE_LAST_TICKET", "234567890");
    }

    @Test
    void statusIsSetLastSoTheDialplanSeesEverythingBeforeOk() {
        CallRouting r = CallRouting.decide(order(1, "123456786", Priority.NORMAL, WorkOrderState.RECEIVED),
                Optional.empty(), List.of(), QUEUES);

        assertThat(r.variables().keySet()).last().isEqualTo("HOTLINE_STATUS");
        assertThat(r.variables()).containsEntry("HOTLINE_STATUS", "OK");
    }

    private static WorkOrder order(long id, String ticket, Priority priority, WorkOrderState state) {
        Instant t = Instant.parse("2026-11-23T08:00:00Z");
        return new WorkOrder(new WorkOrderId(id), TicketNumber.of(ticket), "phone:" + id, Channel.PHONE,
                "13900001111", RequestType.HELP, "", Optional.empty(), Area.UNKNOWN, priority, Deadlines.NONE, state,
                t, t, 0);
    }
}
