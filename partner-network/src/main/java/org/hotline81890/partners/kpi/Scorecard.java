package org.hotline81890.partners.kpi;

import java.time.Duration;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;

/**
 * A provider's record.
 *
 * @param acceptance   accepted / offers that got an answer or expired (offers withdrawn or still open not counted)
 * @param completion   completed / accepted (cancelled after acceptance counts as not completed)
 * @param satisfaction satisfied or basically satisfied / surveys answered (no-reply counted apart)
 * @param overdue      transfers that missed their handling deadline
 */
public record Scorecard(ProviderId provider, int offers, Rate acceptance, Optional<Duration> medianTimeToAccept,
        Rate completion, Rate satisfaction, int unsatisfied, int noReply, int overdue) {
}
