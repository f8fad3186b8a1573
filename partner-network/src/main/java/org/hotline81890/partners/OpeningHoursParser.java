package org.hotline81890.partners;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the text form of {@link OpeningHours}; errors name the part that is wrong. */
final class OpeningHoursParser {
    private OpeningHoursParser() {
    }

    static OpeningHours parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("opening hours are empty (use 24h or e.g. MON-FRI 08:30-17:30)");
        }
        if (text.strip().equalsIgnoreCase("24h")) {
            return new OpeningHours(true, Map.of(), zone);
        }
        Map<DayOfWeek, List<TimeWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        for (String rule : text.split(";")) {
            if (rule.isBlank()) {
                continue;
            }
            String[] parts = rule.strip().split("\\s+");
            if (parts.length < 2) {
                throw new IllegalArgumentException(
                        "opening-hours rule needs days and times, got '" + rule.strip() + "'");
            }
            Set<DayOfWeek> days = days(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                TimeWindow window = TimeWindow.of(parts[i].replace(",", ""));
                days.forEach(day -> weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(window));
            }
        }
        return new OpeningHours(false, weekly, zone);
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",")) {
            String[] range = item.split("-");
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length > 1 ? day(range[1]) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(key) && key.length() == 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + text + "' (use MON..SUN)");
    }
}
