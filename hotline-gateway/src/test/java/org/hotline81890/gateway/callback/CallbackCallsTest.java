package org.hotline81890.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.Test;

class CallbackCallsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T04:00:00Z"), ZoneOffset.UTC);
    private final InMemoryCallbackRequests requests = new InMemoryCallbackRequests();
    private final Callbacks callbacks = new Callbacks(requests, clock);
    private final InMemoryWorkOrderStore outbox = new InMemoryWorkOrderStore(clock);
    private final CallbackCalls calls = new CallbackCalls(callbacks, requests, outbox);

    @Test
    void oneClickClosesTheItemForTheAgentAndRingsTheAgentsPhoneThenTheResident() {
        CallbackRequest item = callbacks.request("phone:1733.1", "13800001111", CallbackReason.QUEUE_TIMEOUT);

        assertThat(calls.call(item.id(), "wangfang", "PJSIP/1001"))
                .isEqualTo(new CallbackCalls.Result.Calling("13800001111"));
        assertThat(callbacks.open(10)).isEmpty();
        assertThat(requests.find(item.id()).orElseThrow().closed().orElseThrow().by()).isEqualTo("wangfang");
        assertThat(outbox.claimDue(clock.instant().plusSeconds(1), 10, Duration.ofMinutes(1)))
                .extracting(OutboxEntry::message).singleElement().satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(OutboxMessage.ORIGINATE);
                    assertThat(m.payload()).contains("PJSIP/1001", "13800001111");
                });
    }

    @Test
    void anItemAnotherAgentTookOrThatDoesNotExistIsNotOpenAndRingsNobody() {
        CallbackRequest item = callbacks.request("phone:1733.2", "13800002222", CallbackReason.AFTER_HOURS);
        calls.call(item.id(), "lihua", "PJSIP/1002");

        assertThat(calls.call(item.id(), "wangfang", "PJSIP/1001")).isEqualTo(new CallbackCalls.Result.NotOpen());
        assertThat(calls.call(999, "wangfang", "PJSIP/1001")).isEqualTo(new CallbackCalls.Result.NotOpen());
        assertThat(outbox.claimDue(clock.instant().plusSeconds(1), 10, Duration.ofMinutes(1))).hasSize(1);
    }
}
