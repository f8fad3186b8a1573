package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.WebhookEndpoint;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.RequestKind;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.privacy.JobDetails;
import org.junit.jupiter.api.Test;

/** The rows written for reminders, cancellations and the survey, per provider channel and resident preference. */
class OfferMessagesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(150), ZoneOffset.UTC);
    private final DispatchJob job = new DispatchJob(new WorkOrderRef("42"), ServiceCode.of("HK-01"),
            org.hotline81890.partners.Area.of("海曙区/南门街道/柳西社区"), RequestKind.HELP, false);
    private final Offer offer = Offer.assignment(new OfferId("9001"), job, ProviderId.of("P-1"), T0,
            T0.plus(Duration.ofMinutes(5)));
    private final JobDetails details = new JobDetails(ServiceCode.of("HK-01"), "钟点工",
            org.hotline81890.partners.Area.of("海曙区/南门街道/柳西社区/1号网格"), "柳汀街1号",
            PhoneNumber.of("13800001111"), T0, Optional.empty(), "打扫卫生");

    @Test
    void aProviderWithAWebhookShouldGetSignedEventsWithTheirOwnIdempotencyKeys() {
        OfferMessages messages = new OfferMessages(CLOCK);
        Provider p = provider(true);
        OutboxMessage reminder = messages.reminder(offer, p, order(Channel.WEB), details, 1).getFirst();
        assertThat(reminder.kind()).isEqualTo(OutboxMessage.WEBHOOK);
        assertThat(reminder.destination()).isEqualTo("P-1");
        assertThat(reminder.dedupeKey()).isEqualTo("9001:offer.reminder:1");
        assertThat(new JsonObject(reminder.payload()).getString("event")).isEqualTo("offer.reminder");
        assertThat(reminder.payload()).doesNotContain("柳汀街").doesNotContain("13800001111");
        Offer cancelled = offer.accept(T0.plusSeconds(10)).cancel(T0.plusSeconds(20), "escalated");
        OutboxMessage cancel = messages.cancelled(cancelled, p, order(Channel.WEB), details).getFirst();
        assertThat(cancel.dedupeKey()).isEqualTo("9001:offer.cancelled");
        assertThat(new JsonObject(cancel.payload()).getString("state")).isEqualTo("CANCELLED");
        assertThat(cancel.payload()).as("a withdrawn job shows no address").doesNotContain("柳汀街");
    }

    @Test
    void aProviderWithoutAWebhookShouldGetTheReminderAndCancellationBySms() {
        OfferMessages messages = new OfferMessages(CLOCK);
        Provider p = provider(false);
        WorkOrder w = order(Channel.WEB);
        OutboxMessage reminder = messages.reminder(offer, p, w, details, 1).getFirst();
        assertThat(reminder.kind()).isEqualTo(OutboxMessage.SMS);
        assertThat(reminder.destination()).isEqualTo("19905741000");
        assertThat(reminder.payload()).contains("提醒").contains("接单" + w.ticket().grouped()).contains("11月23日10:05");
        assertThat(reminder.dedupeKey()).isEqualTo("reminder-sms:9001:1");
        Offer transfer = Offer.transfer(new OfferId("9002"), job, ProviderId.of("P-1"), T0, T0.plusSeconds(7200),
                T0.plus(Duration.ofHours(24))).accept(T0.plusSeconds(60));
        assertThat(messages.reminder(transfer, p, w, details, 2).getFirst().payload())
                .contains("转办工单").contains("11月24日10:00前办结");
        OutboxMessage cancel = messages.cancelled(offer.cancel(T0.plusSeconds(20), "x"), p, w, details).getFirst();
        assertThat(cancel.kind()).isEqualTo(OutboxMessage.SMS);
        assertThat(cancel.payload()).contains("已撤回");
    }

    @Test
    void aResidentWhoCalledShouldGetTheSurveyAsACallbackOnlyWhenCallbacksAreOn() {
        WorkOrder phone = order(Channel.PHONE);
        List<OutboxMessage> byCall = new OfferMessages(CLOCK, true).survey(offer, phone);
        assertThat(byCall).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(OutboxMessage.ORIGINATE);
            assertThat(new JsonObject(m.payload()).getString("purpose")).isEqualTo("survey");
            assertThat(m.destination()).isEqualTo("13800001111");
        });
        assertThat(new OfferMessages(CLOCK, false).survey(offer, phone)).singleElement()
                .extracting(OutboxMessage::kind).isEqualTo(OutboxMessage.SMS);
        assertThat(new OfferMessages(CLOCK, true).survey(offer, order(Channel.SMS))).singleElement()
                .extracting(OutboxMessage::kind).isEqualTo(OutboxMessage.SMS);
        assertThat(OfferMessages.prefersCall(order(Channel.WEB))).isFalse();
    }

    @Test
    void residentsOfTwoOrdersAtTheSameVersionShouldBothBeToldNobodyCanTakeItOrWhenItWillBeOffered() {
        // dedupe keys are unique across the outbox: a key made of the version alone told only the first resident
        OfferMessages messages = new OfferMessages(CLOCK);
        WorkOrder other = new WorkOrder(new WorkOrderId(43), TicketNumber.random(new Random(8)), "k:43",
                Channel.SMS, "13800002222", RequestType.HELP, "打扫卫生", Optional.of("HK-01"), Area.UNKNOWN,
                Priority.NORMAL, Deadlines.NONE, WorkOrderState.MATCHED, T0, T0, 7);
        WorkOrder first = order(Channel.SMS);

        assertThat(messages.noProvider(first, false).getFirst().dedupeKey())
                .isNotEqualTo(messages.noProvider(other, false).getFirst().dedupeKey());
        assertThat(messages.held(first, T0).getFirst().dedupeKey())
                .isNotEqualTo(messages.held(other, T0).getFirst().dedupeKey());
        assertThat(messages.held(other, Instant.parse("2026-12-07T00:30:00Z")).getFirst().payload())
                .contains("将于12月7日08:30上班后为您派单");
    }

    private static WorkOrder order(Channel channel) {
        return new WorkOrder(new WorkOrderId(42), TicketNumber.random(new Random(7)), "k:42", channel, "13800001111",
                RequestType.HELP, "打扫卫生", Optional.of("HK-01"), Area.UNKNOWN, Priority.NORMAL, Deadlines.NONE,
                WorkOrderState.COMPLETED, T0, T0, 7);
    }

    private static Provider provider(boolean webhook) {
        return new Provider(ProviderId.of("P-1"), ProviderKind.PARTNER_COMPANY, "家政公司", Set.of(ServiceCode.of("HK-01")),
                Coverage.of("海曙区"), OpeningHours.of("24h"), new Capacity(5),
                new ContactChannels(webhook ? Optional.of(new WebhookEndpoint(URI.create("http://127.0.0.1:9/h"),
                        "secret-0123456789")) : Optional.empty(), Optional.of(PhoneNumber.of("19905741000")),
                        Optional.empty()),
                ProviderStatus.ACTIVE, new Rating(4.0));
    }
}
