package org.hotline81890.partners;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A weekly schedule in Asia/Shanghai (or another zone), or round the clock. Text form, as in the CSV:
 * {@code 24h}, or rules separated by {@code ;} such as {@code MON-FRI 08:30-17:30; SAT,SUN 09:00-12:00}.
 */
public record OpeningHours(boolean alwaysOpen, Map<DayOfWeek, List<TimeWindow>> weekly, ZoneId zone) {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public OpeningHours {
        Objects.requireNonNull(weekly, "weekly schedule");
        Objects.requireNonNull(zone, "zone");
        EnumMap<DayOfWeek, List<TimeWindow>> copy = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, windows) -> copy.put(day, List.copyOf(windows)));
        weekly = Collections.unmodifiableMap(copy);
        if (!alwaysOpen && weekly.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("opening hours need at least one window, or 24h");
        }
    }

    public static OpeningHours roundTheClock() {
        return new OpeningHours(true, Map.of(), SHANGHAI);
    }

    public static OpeningHours of(String text) {
        return OpeningHoursParser.parse(text, SHANGHAI);
    }

    public boolean isOpenAt(Instant instant) {
        if (alwaysOpen) {
            return true;
        }
        return isOpenAtLocal(LocalDateTime.ofInstant(instant, zone));
    }

    /** Same as {@link #isOpenAt(Instant)} for a local time already in this schedule's zone (saves a conversion). */
    public boolean isOpenAtLocal(LocalDateTime local) {
        if (alwaysOpen) {
            return true;
        }
        DayOfWeek day = local.getDayOfWeek();
        for (TimeWindow window : weekly.getOrDefault(day, List.of())) {
            if (window.containsSameDay(local.toLocalTime())) {
                return true;
            }
        }
        for (TimeWindow window : weekly.getOrDefault(day.minus(1), List.of())) {
            if (window.containsNextDay(local.toLocalTime())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The moments in {@code (from, to]} at which a window opens, earliest first (round the clock: none, it never
     * opens because it never closes).
     */
    public List<Instant> openingsBetween(Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        if (alwaysOpen) {
            return out;
        }
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            for (TimeWindow window : weekly.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = day.atTime(window.start()).atZone(zone).toInstant();
                if (start.isAfter(from) && !start.isAfter(to)) {
                    out.add(start);
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    @Override
    public String toString() {
        if (alwaysOpen) {
            return "24h";
        }
        List<String> parts = new ArrayList<>();
        weekly.forEach((day, windows) -> windows.forEach(w -> parts.add(day.name().substring(0, 3) + " " + w)));
        return String.join("; ", parts);
    }
}
