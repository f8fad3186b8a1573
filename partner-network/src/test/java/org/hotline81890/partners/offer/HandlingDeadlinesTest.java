package org.hotline81890.partners.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.ServiceCode;

class HandlingDeadlinesTest {
    private final HandlingDeadlines deadlines = new HandlingDeadlines(Set.of(LocalDate.of(2026, 3, 10)));

    @ParameterizedTest(name = "{0} {1} emergency={2}: transferred {3} -> {4}")
    @CsvSource({
        // service, kind, emergency, transferred (UTC), expected (UTC)      Shanghai = UTC+8
        "MC-04, COMPLAINT,    true,  2026-03-06T02:00:00Z, 2026-03-06T04:00:00Z",   // emergency: 2 hours
        "UT-01, HELP,         false, 2026-03-06T02:00:00Z, 2026-03-07T02:00:00Z",   // utilities: 24 h, weekend or not
        "CA-01, CONSULTATION, false, 2026-03-06T02:00:00Z, 2026-03-11T02:00:00Z",   // Fri → Mon, (Tue holiday) Wed
        "CA-01, CONSULTATION, false, 2026-03-09T02:00:00Z, 2026-03-12T02:00:00Z",   // Mon → Wed (Tue 10th holiday), Thu
        "MC-06, SUGGESTION,   false, 2026-03-02T02:00:00Z, 2026-03-17T02:00:00Z",   // 10 working days, holiday skipped
        "MC-02, COMPLAINT,    false, 2026-03-02T02:00:00Z, 2026-03-24T02:00:00Z",   // 15 working days
        "MC-03, REPORT,       false, 2026-03-02T02:00:00Z, 2026-03-24T02:00:00Z",
    })
    void handleByShouldFollowUrgencyCategoryAndRequestType(String service, RequestKind kind, boolean emergency,
            Instant transferred, Instant expected) {
        DispatchJob job = new DispatchJob(new WorkOrderRef("W1"), ServiceCode.of(service), Area.of("海曙区"), kind,
                emergency);
        assertThat(deadlines.handleBy(job, transferred)).isEqualTo(expected);
    }

    /** 2026-10-01..07 a holiday week, Sunday 09-20 and Saturday 10-10 make-up working days (调休) in this table. */
    private final HandlingDeadlines national = new HandlingDeadlines(Set.of(LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
            LocalDate.of(2026, 10, 7)), Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

    @ParameterizedTest(name = "{0} working days from {1} -> {2}")
    @CsvSource({
        // days, start (UTC), expected (UTC)                           Shanghai = UTC+8, 10:00 local
        "1, 2026-09-18T02:00:00Z, 2026-09-20T02:00:00Z",   // Fri → the make-up Sunday, not Monday
        "2, 2026-09-18T02:00:00Z, 2026-09-21T02:00:00Z",   // Fri → Sun, Mon
        "1, 2026-09-30T02:00:00Z, 2026-10-08T02:00:00Z",   // Wed → over the holiday week (and its weekend) to Thu 8th
        "2, 2026-10-08T02:00:00Z, 2026-10-10T02:00:00Z",   // Thu → Fri, the make-up Saturday
        "1, 2026-10-16T02:00:00Z, 2026-10-19T02:00:00Z",   // an ordinary Saturday still does not count
    })
    void makeUpWorkingDaysShouldCountAndHolidaysNot(int days, Instant start, Instant expected) {
        assertThat(national.plusWorkingDays(start, days)).isEqualTo(expected);
    }
}
