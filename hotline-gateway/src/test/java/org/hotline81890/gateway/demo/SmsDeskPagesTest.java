package org.hotline81890.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.channel.web.Pages;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.junit.jupiter.api.Test;

/** The simulated SMS agent reads the desk's pages as a person sees them: the inbox as the desk renders it. */
class SmsDeskPagesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T14:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final Intake intake = new Intake(store, new HintsClassifier(), new ServiceLevels(Duration.ofHours(24),
            Duration.ofDays(10), Duration.ofHours(48)), EventPublisher.NONE, clock);

    private WorkOrder text(String caller, String words) {
        return ((IntakeResult.Accepted) intake.receive(IntakeRequest.of("k" + caller, Channel.SMS, caller, words)))
                .workOrder();
    }

    @Test
    void theInboxAsRenderedGivesEveryWaitingTicketOnce() {
        WorkOrder a = text("13800000001", "楼道灯坏了，在鼓楼街道孝闻社区");
        WorkOrder b = text("13800000002", "<b>谢谢</b>");
        String page = new Pages().renderFragment("sms", "list", Map.of("waiting", List.of(a, b), "total", 2,
                "replies", List.of(), "repliesTotal", 0));
        assertThat(SmsDeskPages.tickets(page)).containsExactly(a.ticket().value(), b.ticket().value());
        assertThat(SmsDeskPages.tickets(new Pages().renderFragment("sms", "list", Map.of("waiting", List.of(),
                "total", 0, "replies", List.of(), "repliesTotal", 0)))).isEmpty();
    }

    @Test
    void oneTextGivesItsWordsTheFormsTokenTheMatchersFirstAndTheAreaAsPrefilled() {
        String page = """
                <div class="pop sms-item" id="sms-item" data-ticket="123456789">
                  <blockquote class="sms-body" id="sms-body">水管&lt;爆了&gt; &amp; 漏水</blockquote>
                  <form id="sms-reply-form"><input type="hidden" name="_csrf" value="tok-1"></form>
                  <form id="ticket-form"><input type="hidden" name="_csrf" value="tok-1">
                  <input type="hidden" name="matcherFirst" id="matcher-first" value="SGWX">
                  <select name="priority" id="ticket-priority"><option value="urgent">紧急</option>
                    <option value="normal" selected="selected">普通</option></select>
                  <select name="district" id="area-district"><option value="">—</option>
                    <option value="海曙区">海曙区</option><option value="鄞州区" selected="selected">鄞州区</option>
                  </select>
                  <select name="street" id="area-street" data-value="鼓楼街道"><option value="">—</option></select>
                  <select name="community" id="area-community" data-value=""><option value="">—</option></select>
                  <select name="grid" id="area-grid" data-value=""><option value="">—</option></select></form>
                </div>""";
        SmsDeskPages.Item item = SmsDeskPages.item(page);
        assertThat(item.text()).isEqualTo("水管<爆了> & 漏水");
        assertThat(item.csrf()).isEqualTo("tok-1");
        assertThat(item.matcherFirst()).isEqualTo("SGWX");
        assertThat(item.area()).containsExactly(Map.entry("district", "鄞州区"), Map.entry("street", "鼓楼街道"),
                Map.entry("community", ""), Map.entry("grid", ""));
    }

    @Test
    void theHeldRepliesAsRenderedGiveEachIdOnceAndOneGivesItsWordsAndTheFormsToken() {
        WorkOrder a = text("13800000003", "水管漏水");
        HeldReply r1 = new HeldReply(41, "sms:1", "13800000003", "楼道灯坏了", a.id(), a.ticket(),
                clock.instant(), HeldReply.State.WAITING, Optional.empty(), Optional.empty());
        HeldReply r2 = new HeldReply(42, "sms:2", "13800000003", "<i>谢谢</i>", a.id(), a.ticket(),
                clock.instant(), HeldReply.State.WAITING, Optional.empty(), Optional.empty());
        String inbox = new Pages().renderFragment("sms", "list", Map.of("waiting", List.of(a), "total", 1,
                "replies", List.of(r1, r2), "repliesTotal", 2));
        assertThat(SmsDeskPages.replies(inbox)).containsExactly(41L, 42L);
        assertThat(SmsDeskPages.tickets(inbox)).containsExactly(a.ticket().value());

        String page = new Pages().renderFragment("sms", "reply", Map.of("reply", r2, "order", a, "waiting", true,
                "csrf", "tok-2"));
        SmsDeskPages.Item item = SmsDeskPages.reply(page);
        assertThat(item.text()).isEqualTo("<i>谢谢</i>");
        assertThat(item.csrf()).isEqualTo("tok-2");
    }
}
