package org.hotline81890.gateway.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Classification;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestClassifier;
import org.hotline81890.gateway.workorder.Wording;

/**
 * Use case: a resident's text in words that answers a recent order ("谢谢，修好了，就是收费有点贵") is held for an agent,
 * linked to that order, instead of becoming a second order (ADR 0024). The SMS intake asks {@link #hold} before it
 * opens a request: one indexed read per ordinary text ({@link HeldReplies#recent}); the matcher runs only for a
 * caller with an order in the {@link ReplyWindow}, to let an emergency (fire, gas, someone trapped, medical) through
 * at once, and to tell a new request (another service, after the survey was answered) from a reply. The resident is
 * told the text reached a person.
 */
public final class SurveyReplies {
    private final HeldReplies held;
    private final RequestClassifier classifier;
    private final ReplyWindow window;
    private final Clock clock;

    public SurveyReplies(HeldReplies held, RequestClassifier classifier, ReplyWindow window, Clock clock) {
        this.held = held;
        this.classifier = classifier;
        this.window = window;
        this.clock = clock;
    }

    /**
     * The callers among {@code callers} whose texts, arrived at {@code earliest} or later, {@link #hold} might hold
     * (they have an order the reply window could list; one read for all): the others' texts are requests of their
     * own. Then {@link #mayHold} tells for each text of these callers.
     */
    public java.util.Set<String> toAsk(java.util.Collection<String> callers, Instant earliest) {
        if (!window.enabled()) {
            return java.util.Set.of();
        }
        Instant clockNow = clock.instant();
        return held.withRecent(callers, window.since(earliest.isAfter(clockNow) ? clockNow : earliest));
    }

    /**
     * Whether {@link #hold} might hold a text from {@code caller} that arrived at {@code at}: the caller has an order
     * in the reply window the text could answer (the read {@link #hold} starts with, without the matcher). False
     * means the text is a request of its own (ticket first, ADR 0047).
     */
    public boolean mayHold(String caller, String text, Instant at) {
        if (!window.enabled()) {
            return false;
        }
        Instant clockNow = clock.instant();
        Instant now = at.isAfter(clockNow) ? clockNow : at;
        return !window.candidates(text, held.recent(caller, window.since(now)), now).isEmpty();
    }

    /**
     * Holds the text received under {@code key} when it answers one of the caller's recent orders and is not urgent;
     * empty when it is a request of its own, to be taken in as today.
     */
    public Optional<HeldReply> hold(String key, String caller, String text) {
        return hold(key, caller, text, clock.instant());
    }

    /**
     * As {@link #hold(String, String, String)} for a text that arrived at {@code at}: the window is judged then, not
     * when the text is processed (a journaled text may wait behind a burst or a crash's lease, issue 18).
     */
    public Optional<HeldReply> hold(String key, String caller, String text, Instant at) {
        if (!window.enabled()) {
            return Optional.empty();
        }
        Instant clockNow = clock.instant();
        Instant now = at.isAfter(clockNow) ? clockNow : at;
        List<RecentOrder> candidates = window.candidates(text, held.recent(caller, window.since(now)), now);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Classification c = classifier.classify(IntakeRequest.of(key, Channel.SMS, caller, text));
        if (c.priority() != Priority.NORMAL) {
            return Optional.empty();
        }
        Optional<RecentOrder> answers = window.answers(text, candidates, c.serviceCode());
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        RecentOrder order = answers.get();
        String ack = Wording.sms(Wording.SIGN + "您关于工单" + order.ticket().grouped()
                + "的短信已收到，话务员将尽快处理。如遇紧急情况请直接拨打81890。");
        return held.hold(key, caller, text, now, order.id(),
                List.of(new OutboxMessage(OutboxMessage.SMS, caller, ack, ReplyKey.of(key) + ":held")));
    }
}
