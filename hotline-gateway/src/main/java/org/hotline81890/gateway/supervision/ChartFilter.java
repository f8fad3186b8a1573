package org.hotline81890.gateway.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The KPI charts' filters: the days {@code from}..{@code to} (Beijing dates, both included, at most
 * {@value #MAX_DAYS} days), optionally one category and one district.
 */
public record ChartFilter(LocalDate from, LocalDate to, Optional<String> category, Optional<String> district) {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final int MAX_DAYS = 92;

    public ChartFilter {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("结束日期早于开始日期");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("日期范围最多 " + MAX_DAYS + " 天");
        }
        if (category.isPresent() && !category.get().matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("未知类别：" + category.get());
        }
        if (district.isPresent() && (district.get().isBlank() || district.get().length() > 64)) {
            throw new IllegalArgumentException("区县名称不正确");
        }
    }

    /**
     * From the form's text (blank: the last 7 days up to {@code today}, every category and district); a bad value
     * throws {@link IllegalArgumentException} with the reason in Chinese.
     */
    public static ChartFilter of(String from, String to, String category, String district, LocalDate today) {
        LocalDate end = date(to, today);
        LocalDate start = date(from, end.minusDays(6));
        return new ChartFilter(start, end, text(category), text(district));
    }

    public Instant start() {
        return from.atStartOfDay(BEIJING).toInstant();
    }

    /** The moment after the last day (exclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    private static LocalDate date(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期格式应为 2026-12-05：" + text.strip());
        }
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
