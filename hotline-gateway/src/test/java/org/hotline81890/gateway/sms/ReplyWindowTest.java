package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.Test;

/** Which recent order a text in words answers (ADR 0024): the window, several orders, tickets named in the text. */
class ReplyWindowTest {
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final ReplyWindow WINDOW = new ReplyWindow(true, Duration.ofHours(48), Duration.ofHours(24));
    private static final SplittableRandom RANDOM = new SplittableRandom(13);
    private static long ids = 1;

    private static RecentOrder order(WorkOrderState state, Duration createdAgo, Duration changedAgo,
                                     Optional<Duration> answeredAgo) {
        return order(state, "RP-01", createdAgo, changedAgo, answeredAgo);
    }

    private static RecentOrder order(WorkOrderState state, String service, Duration createdAgo, Duration changedAgo,
                                     Optional<Duration> answeredAgo) {
        return new RecentOrder(new WorkOrderId(ids++), TicketNumber.random(RANDOM), state, Optional.of(service),
                NOW.minus(createdAgo), NOW.minus(changedAgo), answeredAgo.map(NOW::minus));
    }

    /** What the window makes of a text the matcher placed on {@code service} (or nowhere). */
    private static Optional<RecentOrder> answers(ReplyWindow w, String text, List<RecentOrder> recent,
                                                 Optional<String> service) {
        return w.answers(text, w.candidates(text, recent, NOW), service);
    }

    private static Optional<RecentOrder> answers(String text, List<RecentOrder> recent) {
        return answers(WINDOW, text, recent, Optional.empty());
    }

    private static RecentOrder awaiting(Duration createdAgo, Duration askedAgo) {
        return order(WorkOrderState.COMPLETED, createdAgo, askedAgo, Optional.empty());
    }

    private static RecentOrder answered(WorkOrderState state, Duration answeredAgo) {
        return order(state, Duration.ofDays(5), answeredAgo, Optional.of(answeredAgo));
    }

    @Test
    void aCallerWithoutRecentOrdersSendsARequestOfTheirOwn() {
        assertThat(answers("师傅来了但是水管还在漏", List.of())).isEmpty();
    }

    @Test
    void aTextWhileTheSurveyAwaitsAnAnswerAnswersThatOrder() {
        RecentOrder completed = awaiting(Duration.ofDays(3), Duration.ofHours(2));
        RecentOrder consultation = order(WorkOrderState.ANSWERED, Duration.ofDays(6), Duration.ofHours(47),
                Optional.empty());

        assertThat(answers("师傅来了但是水管还在漏", List.of(completed))).contains(completed);
        assertThat(answers("还是没弄明白", List.of(consultation))).contains(consultation);
    }

    @Test
    void aSurveyAskedLongerAgoThanTheWindowIsOutsideIt() {
        RecentOrder old = awaiting(Duration.ofDays(5), Duration.ofHours(49));
        assertThat(answers("师傅来了但是水管还在漏", List.of(old))).isEmpty();
    }

    @Test
    void anAnswerWithinADayKeepsTheOrderInTheWindowWhateverItsStateNow() {
        RecentOrder closed = answered(WorkOrderState.CLOSED, Duration.ofHours(23));
        RecentOrder reopened = answered(WorkOrderState.REOPENED, Duration.ofHours(1));
        RecentOrder yesterday = answered(WorkOrderState.CLOSED, Duration.ofHours(25));

        assertThat(answers("谢谢，修好了，就是收费有点贵", List.of(closed))).contains(closed);
        assertThat(answers("怎么还没人来", List.of(reopened))).contains(reopened);
        assertThat(answers("谢谢", List.of(yesterday))).isEmpty();
    }

    @Test
    void anOrderNeverSurveyedIsNotAnsweredByAText() {
        RecentOrder inProgress = order(WorkOrderState.ACCEPTED, Duration.ofHours(3), Duration.ofHours(1),
                Optional.empty());
        assertThat(answers("师傅什么时候到", List.of(inProgress))).isEmpty();
    }

    @Test
    void ofSeveralTheNewestAwaitingItsSurveyWinsThenTheLatestAnswered() {
        RecentOrder older = awaiting(Duration.ofDays(4), Duration.ofHours(3));
        RecentOrder newer = awaiting(Duration.ofDays(1), Duration.ofHours(30));
        RecentOrder justAnswered = answered(WorkOrderState.CLOSED, Duration.ofMinutes(5));
        RecentOrder answeredBefore = answered(WorkOrderState.CLOSED, Duration.ofHours(20));

        assertThat(answers("还在漏", List.of(justAnswered, older, newer))).contains(newer);
        assertThat(answers("还在漏", List.of(answeredBefore, justAnswered))).contains(justAnswered);
    }

    @Test
    void afterAnAnswerATextNamingAnotherServiceIsANewRequestWhileAnAwaitedSurveyTakesAnyText() {
        RecentOrder cleaning = order(WorkOrderState.CLOSED, "HS-01", Duration.ofDays(2), Duration.ofHours(1),
                Optional.of(Duration.ofHours(1)));
        assertThat(answers(WINDOW, "想请人帮忙代买菜送上门", List.of(cleaning), Optional.of("HS-07"))).isEmpty();
        assertThat(answers(WINDOW, "打扫得不干净，厨房还是油", List.of(cleaning), Optional.of("HS-01")))
                .contains(cleaning);
        assertThat(answers(WINDOW, "谢谢，就是收费有点贵", List.of(cleaning), Optional.empty())).contains(cleaning);

        RecentOrder plumbing = awaiting(Duration.ofDays(1), Duration.ofHours(2));
        RecentOrder lights = order(WorkOrderState.COMPLETED, "RP-05", Duration.ofDays(3), Duration.ofHours(5),
                Optional.empty());
        assertThat(answers(WINDOW, "楼道灯又不亮了", List.of(plumbing, lights), Optional.of("RP-05")))
                .contains(lights);
        assertThat(answers(WINDOW, "想请人帮忙代买菜送上门", List.of(plumbing, lights), Optional.of("HS-07")))
                .as("an awaited survey: an agent sees it").contains(plumbing);
    }

    @Test
    void aTextNamingATicketAnswersThatOrderOrNoneWhenItIsAnother() {
        RecentOrder older = awaiting(Duration.ofDays(4), Duration.ofHours(3));
        RecentOrder newer = awaiting(Duration.ofDays(1), Duration.ofHours(2));
        String typed = older.ticket().grouped().replace("-", " ");
        TicketNumber elsewhere = TicketNumber.random(RANDOM);

        assertThat(answers("工单" + typed + "还没修好", List.of(older, newer))).contains(older);
        assertThat(answers("工单" + older.ticket().value() + "还没修好", List.of(older, newer)))
                .contains(older);
        assertThat(answers("查一下" + elsewhere.value() + "的进度", List.of(older, newer))).isEmpty();
    }

    @Test
    void phoneAndHouseNumbersAreNotTickets() {
        RecentOrder order = awaiting(Duration.ofDays(1), Duration.ofHours(2));
        assertThat(ReplyWindow.tickets("师傅电话13912345678打不通，住在18号楼1201室")).isEmpty();
        assertThat(answers("师傅电话13912345678打不通", List.of(order))).contains(order);
    }

    @Test
    void aDisabledWindowHoldsNothing() {
        ReplyWindow off = new ReplyWindow(false, Duration.ofHours(48), Duration.ofHours(24));
        RecentOrder order = awaiting(Duration.ofDays(1), Duration.ofHours(2));
        assertThat(answers(off, "还在漏", List.of(order), Optional.empty())).isEmpty();
    }

    @Test
    void theReadGoesBackAsFarAsTheLongerWindow() {
        assertThat(WINDOW.since(NOW)).isEqualTo(NOW.minus(Duration.ofHours(48)));
        assertThat(new ReplyWindow(true, Duration.ofHours(1), Duration.ofHours(24)).since(NOW))
                .isEqualTo(NOW.minus(Duration.ofHours(24)));
    }
}
