package org.hotline81890.gateway.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hotline81890.gateway.workorder.TicketNumber;

/**
 * Which of a caller's recent orders a text in words answers, if any (the policy of {@link SurveyReplies}, ADR 0024).
 * An order is in the window while its survey, asked within {@code askedWithin}, awaits an answer, and for
 * {@code afterAnswer} after the survey was answered. A text naming a ticket answers that order when it is in the
 * window; naming any other ticket, it is about something else. Otherwise, of several orders in the window, the newest
 * still awaiting its survey (the one a "1/2/3" would answer; one of the service the text names first); else the
 * latest answered, but only when the text names no service or that order's: after an answer, a text naming another
 * service is a new request.
 */
public record ReplyWindow(boolean enabled, Duration askedWithin, Duration afterAnswer) {
    /** Nine digits, possibly typed with spaces or dashes, not part of a longer number. */
    private static final Pattern TICKET = Pattern.compile("(?<![0-9])[1-9](?:[\\s\\-]?[0-9]){8}(?![0-9])");

    public ReplyWindow {
        Objects.requireNonNull(askedWithin, "askedWithin");
        Objects.requireNonNull(afterAnswer, "afterAnswer");
        if (askedWithin.isNegative() || afterAnswer.isNegative()) {
            throw new IllegalArgumentException("reply windows are not negative");
        }
    }

    /** The oldest change {@link HeldReplies#recent} must return for this window. */
    public Instant since(Instant now) {
        return now.minus(askedWithin.compareTo(afterAnswer) >= 0 ? askedWithin : afterAnswer);
    }

    /**
     * The orders {@code text} may answer: those in the window, or only the one whose ticket it names. Empty when
     * there is none (or it names a ticket outside the window): the text is a request of its own, as today.
     */
    public List<RecentOrder> candidates(String text, List<RecentOrder> recent, Instant now) {
        if (!enabled) {
            return List.of();
        }
        List<RecentOrder> open = recent.stream().filter(o -> inWindow(o, now)).toList();
        Set<String> named = open.isEmpty() ? Set.of() : tickets(text);
        return named.isEmpty() ? open : open.stream().filter(o -> named.contains(o.ticket().value())).toList();
    }

    /** Of {@link #candidates}, the order the text answers, given the service the matcher placed it on (if any). */
    public Optional<RecentOrder> answers(String text, List<RecentOrder> candidates, Optional<String> service) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (!tickets(text).isEmpty()) {
            return Optional.of(candidates.get(0));
        }
        Comparator<RecentOrder> newest = Comparator.comparing(RecentOrder::createdAt);
        List<RecentOrder> awaiting = candidates.stream().filter(RecentOrder::awaitingSurvey).toList();
        if (!awaiting.isEmpty()) {
            return awaiting.stream().filter(o -> service.isPresent() && o.serviceCode().equals(service)).max(newest)
                    .or(() -> awaiting.stream().max(newest));
        }
        return candidates.stream().filter(o -> service.isEmpty() || o.serviceCode().equals(service))
                .max(Comparator.comparing(o -> o.answeredAt().orElseThrow()));
    }

    boolean inWindow(RecentOrder o, Instant now) {
        if (o.awaitingSurvey()) {
            return !o.updatedAt().isBefore(now.minus(askedWithin));
        }
        return o.answeredAt().filter(t -> !t.isBefore(now.minus(afterAnswer))).isPresent();
    }

    /** The valid ticket numbers a text names (a wrong check digit is a phone or house number, not a ticket). */
    static Set<String> tickets(String text) {
        Matcher m = TICKET.matcher(text);
        return m.results().map(r -> r.group().replaceAll("[\\s\\-]", "")).filter(TicketNumber::isValid)
                .collect(Collectors.toSet());
    }
}
