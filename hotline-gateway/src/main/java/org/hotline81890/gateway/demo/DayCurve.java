package org.hotline81890.gateway.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When residents call a city hotline, per hour of the day (Beijing time): few at night, a morning peak at 9-11, a dip
 * at lunch, a second peak in the afternoon and a smaller one in the evening, the shape Beijing 12345's and Ningbo
 * 81890's published hourly volumes show. The weights average 1 over the day, so {@code rate x weight} keeps the
 * day's mean at {@code rate}.
 */
public final class DayCurve {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final double[] RAW = {
        0.20, 0.12, 0.08, 0.06, 0.07, 0.15, 0.45, 1.00, 1.75, 2.05, 2.00, 1.70,
        1.10, 1.20, 1.65, 1.70, 1.60, 1.40, 1.15, 1.25, 1.20, 0.95, 0.60, 0.35};
    private static final double[] WEIGHT = normalised();

    private DayCurve() {
    }

    private static double[] normalised() {
        double sum = 0;
        for (double w : RAW) {
            sum += w;
        }
        double[] out = new double[RAW.length];
        for (int h = 0; h < RAW.length; h++) {
            out[h] = RAW[h] * 24 / sum;
        }
        return out;
    }

    /** The weight of the hour {@code at} falls in, interpolated between hour midpoints so the rate has no steps. */
    public static double weight(Instant at) {
        ZonedDateTime t = at.atZone(BEIJING);
        double hour = t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0 - 0.5;
        int h0 = Math.floorMod((int) Math.floor(hour), 24);
        double frac = hour - Math.floor(hour);
        return WEIGHT[h0] * (1 - frac) + WEIGHT[(h0 + 1) % 24] * frac;
    }

    /** The share of a day's requests that arrive in hour {@code h} (0-23). */
    public static double share(int h) {
        return WEIGHT[h] / 24;
    }
}
