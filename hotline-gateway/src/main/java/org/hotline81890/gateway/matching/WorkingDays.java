package org.hotline81890.gateway.matching;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.hotline81890.directory.Deadline;

/** Turns a directory deadline (minutes, hours, working days) into a duration from a given moment. */
final class WorkingDays {
    private WorkingDays() {
    }

    static Duration from(Instant now, Deadline d, ZoneId zone) {
        return switch (d.unit()) {
            case MINUTES -> Duration.ofMinutes(d.amount());
            case HOURS -> Duration.ofHours(d.amount());
            case WORKING_DAYS -> Duration.between(now, addWorkingDays(now.atZone(zone), d.amount()).toInstant());
        };
    }

    /** Saturdays and Sundays do not count (public holidays would come from a calendar table; not modelled yet). */
    static ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
        ZonedDateTime t = start;
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return t;
    }
}
