package org.hotline81890.gateway.channel.smpp.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.load.AreaLoader;
import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.matching.AreaNames;
import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.sms.ReplyKeys;
import org.hotline81890.gateway.sms.SmsNotes;
import org.hotline81890.gateway.sms.SmsPreferences;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.JobCommands;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.AddressQuestion;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.Test;

/** SmsIntake on in-memory fakes: what each kind of text becomes, and what is written back. */
class SmsIntakeTest {
    private static final String PHONE = "8613800001111";
    private static final String PARTNER = "8613900002222";
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels =
            new ServiceLevels(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3));
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
    private final Map<String, Boolean> prefs = new HashMap<>();
    private final Map<String, WorkOrderId> notes = new HashMap<>();
    private final List<String> jobCalls = new ArrayList<>();
    private final SmsIntake intake = new SmsIntake(new SmsIntake.Parts(
            new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE, clock), store,
            new Survey(store, tracker), store, new PartnerJobs(), new MapPreferences(), new MapNotes(),
            new InboundLimiter(2, Duration.ofMinutes(10), clock), this::episodes,
            this::replyKey,
            new AddressQuestion(store, tracker, code -> false, (w, a) -> List.of()), clock));
    /** Episode per hash key, as the dedup window would have moved it (absent = 0). */
    private final Map<String, Integer> episodes = new HashMap<>();
    private int seq;

    private Map<String, String> episodes(java.util.Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        keys.forEach(k -> out.put(k, DedupWindow.episodeKey(k, episodes.getOrDefault(k, 0))));
        return out;
    }

    /** The reply's key as {@link ReplyKeys} would give it: a new episode once the test moved the key on. */
    private String replyKey(String key, Instant since, Instant at) {
        return ReplyKeys.episodeKey(key, episodes.getOrDefault(key, 0));
    }

    private InboundOutcome text(String from, String text) {
        return intake.handle(new InboundSms("sms:k" + (++seq), from, "81890", text, clock.instant(), 1, 1, true));
    }

    private List<String> repliesTo(String phone) {
        return store.claimDue(clock.instant().plusSeconds(1), 1000, Duration.ofMinutes(1)).stream()
                .map(OutboxEntry::message).filter(m -> m.destination().equals(phone)).map(m -> m.payload()).toList();
    }

    @Test
    void ordinaryTextBecomesAnOrderWithTheAutoReplyInTheSameWrite() {
        InboundOutcome out = text(PHONE, "路灯坏了");
        WorkOrder w = store.listByCaller(PHONE, 10).get(0);
        assertThat(out).isEqualTo(new InboundOutcome.Committed(w.ticket().value()));
        assertThat(w.channel()).isEqualTo(Channel.SMS);
        assertThat(repliesTo(PHONE)).singleElement().asString().contains(w.ticket().grouped()).contains("已受理");
    }

    @Test
    void aTextThatSaysWhereGivesTheOrderItsDistrictStreetAndCommunityAndTheAnswerFillsTheRest() {
        AddressQuestion addresses = new AddressQuestion(store, tracker, code -> true, (w, a) -> List.of(),
                new AreaNames(AreaLoader.loadDefault())::in);
        SmsIntake withAreas = new SmsIntake(new SmsIntake.Parts(
                new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE, clock), store,
                new Survey(store, tracker), store, new PartnerJobs(), new MapPreferences(), new MapNotes(),
                new InboundLimiter(5, Duration.ofMinutes(10), clock), this::episodes, this::replyKey, addresses,
                clock));
        withAreas.handle(new InboundSms("sms:where", PHONE, "81890", "楼道灯坏了，在鼓楼街道孝闻社区", clock.instant(),
                1, 1, true));
        Area area = store.listByCaller(PHONE, 10).getFirst().area();
        assertThat(area.district()).contains("海曙区");
        assertThat(area.street()).contains("鼓楼街道");
        assertThat(area.community()).contains("孝闻社区");
        assertThat(area.address()).isEmpty();

        // A text that named no place, for a service done at the door: the answer to the question names it.
        String other = "8613800002222";
        new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE, clock).receive(IntakeRequest.of(
                "sms:door", Channel.SMS, other, "水管爆了").withHints(Optional.of(RequestType.HELP),
                Optional.of("HK-01"), Optional.empty()));
        assertThat(addresses.asks(store.listByCaller(other, 10).getFirst())).isTrue();
        assertThat(addresses.answer(other, "石碶街道星光社区石碶街12号3单元501", Channel.SMS)).isPresent();
        Area answered = store.listByCaller(other, 10).getFirst().area();
        assertThat(answered.district()).contains("海曙区");
        assertThat(answered.street()).contains("石碶街道");
        assertThat(answered.community()).contains("星光社区");
        assertThat(answered.address()).contains("石碶街道星光社区石碶街12号3单元501");
    }

    @Test
    void sameKeyAgainIsTheSameOrder() {
        InboundSms sms = new InboundSms("sms:same", PHONE, "81890", "噪音", clock.instant(), 1, 1, true);
        assertThat(intake.handle(sms)).isEqualTo(intake.handle(sms));
        assertThat(store.listByCaller(PHONE, 10)).hasSize(1);
    }

    @Test
    void aRepeatedQueryRepliesOnceWithinTheWindowAndAgainInANewEpisode() {
        text(PHONE, "路灯坏了");
        repliesTo(PHONE);
        InboundSms query = new InboundSms("sms:query", PHONE, "81890", "查询", clock.instant(), 1, 1, true);
        intake.handle(query);
        intake.handle(query);
        assertThat(repliesTo(PHONE)).hasSize(1);
        episodes.put("sms:query", 1);
        intake.handle(query);
        assertThat(repliesTo(PHONE)).singleElement().asString().contains("当前状态");
    }

    @Test
    void overTheLimitTextsBecomeNotesOnTheLatestOrder() {
        text(PHONE, "一");
        text(PHONE, "二");
        InboundOutcome third = text(PHONE, "三");
        List<WorkOrder> orders = store.listByCaller(PHONE, 10);
        assertThat(orders).hasSize(2);
        assertThat(third).isEqualTo(new InboundOutcome.Committed("note:" + orders.get(0).ticket().value()));
        assertThat(notes).containsValue(orders.get(0).id());
    }

    @Test
    void queryAnswersWithTheStateInChinese() {
        text(PHONE, "路灯坏了");
        repliesTo(PHONE);
        text(PHONE, "查询");
        assertThat(repliesTo(PHONE)).singleElement().asString().contains("当前状态：已受理");
        String valid = validTicket();
        text(PHONE, "查询 " + valid.substring(0, 8) + (char) ('0' + (valid.charAt(8) - '0' + 1) % 10));
        assertThat(repliesTo(PHONE)).singleElement().asString().contains("有误");
    }

    @Test
    void surveyAnswerOneClosesTheAnsweredOrder() {
        text(PHONE, "咨询社保");
        WorkOrder w = store.listByCaller(PHONE, 10).get(0);
        tracker.move(w.id(), WorkOrderState.ANSWERED, "agent", Channel.AGENT, "", x -> List.of());
        text(PHONE, "1");
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.CLOSED);
    }

    @Test
    void stopAndStartSetThePreference() {
        text(PHONE, "TD");
        assertThat(prefs).containsEntry(PHONE, false);
        text(PHONE, "KT");
        assertThat(prefs).containsEntry(PHONE, true);
    }

    @Test
    void partnerCommandsGoToJobCommandsOnlyForRegisteredNumbers() {
        text(PARTNER, "接单 " + validTicket());
        text(PHONE, "接单 " + validTicket());
        assertThat(jobCalls).containsExactly("accept " + validTicket());
        assertThat(repliesTo(PARTNER)).containsExactly("【81890】好的。");
        assertThat(store.listByCaller(PHONE, 10)).hasSize(1);
    }

    @Test
    void anExtensionCarriesItsHoursAndReasonAndWithoutHoursTheReplySaysHowToAsk() {
        text(PARTNER, "延期 " + validTicket() + " 24 等待材料");
        text(PARTNER, "延期 " + validTicket() + " 等待材料");
        assertThat(jobCalls).containsExactly("extend " + validTicket() + " PT24H 等待材料");
        List<String> replies = repliesTo(PARTNER);
        assertThat(replies).hasSize(2).first().isEqualTo("【81890】已延期。");
        assertThat(replies.get(1)).contains("延期 工单号 小时数 理由");
    }

    @Test
    void storageDownIsRetry() {
        SmsIntake broken = new SmsIntake(new SmsIntake.Parts(new Intake(store, r -> {
            throw new org.hotline81890.gateway.workorder.StorageUnavailableException("down", null);
        }, levels, EventPublisher.NONE, clock), store, new Survey(store, tracker), store, JobCommands.NONE,
                new MapPreferences(), new MapNotes(), new InboundLimiter(0, Duration.ofMinutes(1), clock),
                DedupWindow.NONE, ReplyKeys.NONE, new AddressQuestion(store, tracker, code -> false,
                (w, a) -> List.of()), clock));
        assertThat(broken.handle(new InboundSms("sms:x", PHONE, "81890", "求助", clock.instant(), 1, 1, true)))
                .isInstanceOf(InboundOutcome.Retry.class);
        assertThat(store.listByCaller(PHONE, 10)).isEmpty();
    }

    private static String validTicket() {
        for (int i = 10_000_000; ; i++) {
            for (int d = 0; d < 10; d++) {
                if (TicketNumber.isValid(i + "" + d)) {
                    return i + "" + d;
                }
            }
        }
    }

    private final class PartnerJobs implements JobCommands {
        @Override
        public boolean isProviderNumber(String phone) {
            return phone.equals(PARTNER);
        }

        @Override
        public Result accept(String phone, TicketNumber ticket) {
            jobCalls.add("accept " + ticket.value());
            return new Result.Done("好的");
        }

        @Override
        public Result decline(String phone, TicketNumber ticket, String reason) {
            jobCalls.add("decline " + ticket.value());
            return new Result.Done("已拒单");
        }

        @Override
        public Result complete(String phone, TicketNumber ticket, String note) {
            jobCalls.add("complete " + ticket.value());
            return new Result.Done("已完成");
        }

        @Override
        public Result extend(String phone, TicketNumber ticket, Duration extra, String reason) {
            jobCalls.add("extend " + ticket.value() + " " + extra + " " + reason);
            return new Result.Done("已延期");
        }
    }

    private final class MapPreferences implements SmsPreferences {
        @Override
        public boolean notificationsOn(String phone) {
            return prefs.getOrDefault(phone, true);
        }

        @Override
        public void setNotifications(String phone, boolean on) {
            prefs.put(phone, on);
        }
    }

    private final class MapNotes implements SmsNotes {
        @Override
        public boolean attach(String key, WorkOrderId workOrder, String callerNumber, String text) {
            return notes.putIfAbsent(key, workOrder) == null;
        }

        @Override
        public int count(WorkOrderId workOrder) {
            return (int) notes.values().stream().filter(workOrder::equals).count();
        }
    }
}
