package org.hotline81890.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a demo runs. {@code rate}: new requests per real second on average over the day (the hour of simulated time
 * shapes it, {@link DayCurve}); {@code speed}: how many simulated seconds pass per real second; {@code start}: the
 * simulated instant the clock starts at; {@code requests}: stop creating after this many (empty: never);
 * {@code day}: the simulated-day run, which sends exactly {@code requests} over one day from {@code start} and then
 * drains; {@code humanProviders}: leave the providers of the printed logins to the people using them;
 * {@code unsatisfied}: the share of first survey answers that are 不满意 (0.05).
 */
public record DemoOptions(double rate, double speed, Instant start, Optional<Integer> requests,
                          Optional<Duration> runFor, boolean day, double drainSpeed, long seed,
                          boolean humanProviders, double unsatisfied) {

    public DemoOptions {
        if (!(rate > 0) || rate > 5_000) {
            throw new IllegalArgumentException("--rate must be between 0 and 5000 per second, got " + rate);
        }
        if (!(speed >= 1) || speed > 100_000) {
            throw new IllegalArgumentException("--speed must be between 1x and 100000x, got " + speed);
        }
        if (!(unsatisfied >= 0 && unsatisfied <= 0.9)) {
            throw new IllegalArgumentException("--unsatisfied must be between 0 and 90 %, got " + unsatisfied);
        }
        if (day && requests.isEmpty()) {
            throw new IllegalArgumentException("--day needs --requests N");
        }
    }

    /** {@code 2/s}, {@code 120/min}, {@code 7200/h} or a plain number per second. */
    public static double parseRate(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        int slash = t.indexOf('/');
        double n = Double.parseDouble(slash < 0 ? t : t.substring(0, slash));
        String unit = slash < 0 ? "s" : t.substring(slash + 1);
        return switch (unit) {
            case "s" -> n;
            case "min", "m" -> n / 60;
            case "h" -> n / 3600;
            default -> throw new IllegalArgumentException("rate unit must be /s, /min or /h: " + text);
        };
    }

    /** {@code 60x} or {@code 60}. */
    public static double parseSpeed(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        return Double.parseDouble(t.endsWith("x") ? t.substring(0, t.length() - 1) : t);
    }

    /** The real seconds one simulated day takes at {@link #speed}. */
    public double realSecondsPerDay() {
        return 86_400 / speed;
    }
}
