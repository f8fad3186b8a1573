package org.hotline81890.gateway.channel.ami;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.channel.http.BadRequestException;

/**
 * The window and service-level threshold of a KPI request: {@code from}/{@code to} ISO-8601 instants (default: the
 * 24 hours up to now), {@code answeredWithin} whole seconds (default ami.answered-within). At most 31 days.
 */
record CallKpiQuery(Instant from, Instant to, Duration answeredWithin) {
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    CallKpiQuery {
        if (!from.isBefore(to)) {
            throw new BadRequestException("from", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new BadRequestException("from", "the window is longer than 31 days");
        }
        if (answeredWithin.isNegative() || answeredWithin.isZero()) {
            throw new BadRequestException("answeredWithin", "answeredWithin must be at least 1 second");
        }
    }

    static CallKpiQuery parse(Optional<String> from, Optional<String> to, Optional<String> answeredWithin,
                              Instant now, Duration defaultWithin) {
        Instant end = to.map(v -> instant("to", v)).orElse(now);
        Instant start = from.map(v -> instant("from", v)).orElse(end.minus(Duration.ofDays(1)));
        Duration within = answeredWithin.map(CallKpiQuery::seconds).orElse(defaultWithin);
        return new CallKpiQuery(start, end, within);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw new BadRequestException(field,
                    "'" + value + "' is not an ISO-8601 instant like 2026-11-23T08:00:00Z");
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequestException("answeredWithin", "'" + value + "' is not a whole number of seconds");
        }
    }
}
