package org.hotline81890.partners.offer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

import org.hotline81890.partners.OpeningHours;

/**
 * How long a department has to handle a transfer (转办), by urgency, category and request type:
 * emergency 2 hours; public utilities (category {@code UT}) 24 hours; consultations 2 working days; help and
 * suggestions 10; complaints and reports 15. Working days skip Saturdays, Sundays and the given holidays, but not
 * the given make-up working days (调休), counted in Asia/Shanghai and keeping the time of day.
 */
public final class HandlingDeadlines {
    public static final String UTILITIES_CATEGORY = "UT";
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    public HandlingDeadlines(Set<LocalDate> holidays) {
        this(holidays, Set.of());
    }

    /** {@code workdays}: Saturdays and Sundays that are working days (调休). */
    public HandlingDeadlines(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
    }

    public static HandlingDeadlines weekdaysOnly() {
        return new HandlingDeadlines(Set.of());
    }

    public Instant handleBy(DispatchJob job, Instant transferredAt) {
        if (job.emergency()) {
            return transferredAt.plus(Duration.ofHours(2));
        }
        if (job.service().category().equals(UTILITIES_CATEGORY)) {
            return transferredAt.plus(Duration.ofHours(24));
        }
        int days = switch (job.requestKind()) {
            case CONSULTATION -> 2;
            case HELP, SUGGESTION -> 10;
            case COMPLAINT, REPORT -> 15;
        };
        return plusWorkingDays(transferredAt, days);
    }

    Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime at = start.atZone(OpeningHours.SHANGHAI);
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                left--;
            }
        }
        return at.toInstant();
    }

    private boolean isWorkingDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }
}
