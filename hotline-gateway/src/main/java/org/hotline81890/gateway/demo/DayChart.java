package org.hotline81890.gateway.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The simulated day as an SVG: requests per hour by channel (stacked bars) and, on the right axis, the share of the
 * hour's matched requests offered to a provider within 5 minutes. Plain SVG text, no library; Chinese labels use
 * the fonts the reader has.
 */
final class DayChart {
    private static final String[] CHANNELS = {"phone", "web", "sms"};
    private static final String[] COLOURS = {"#3b6fb6", "#f0a030", "#4caf7a"};
    private static final String[] NAMES = {"电话", "网站/APP", "短信"};
    private static final int W = 900;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 70;
    private static final int TOP = 60;
    private static final int BOTTOM = 60;

    private DayChart() {
    }

    static String svg(DayReport.Figures f, String title) {
        long[][] perHour = new long[24][CHANNELS.length];
        long[] matched = new long[24];
        long[] inTime = new long[24];
        for (DayReport.Order o : f.orders()) {
            int h = o.created().atZone(DayCurve.BEIJING).getHour();
            for (int c = 0; c < CHANNELS.length; c++) {
                if (CHANNELS[c].equals(o.channel())) {
                    perHour[h][c]++;
                }
            }
            if (o.matched()) {
                matched[h]++;
                if (o.toOffer().map(d -> d.compareTo(DayReport.OFFER_GOAL) <= 0).orElse(false)) {
                    inTime[h]++;
                }
            }
        }
        long max = 1;
        for (long[] h : perHour) {
            max = Math.max(max, h[0] + h[1] + h[2]);
        }
        long top = niceCeiling(max);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif\" "
                + "font-size=\"12\">%n", W, H, W, H));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(W / 2, 28, 16, "middle", escape(title)));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            int y = TOP + plotH - plotH * i / 4;
            s.append(line(LEFT, y, LEFT + plotW, y, "#e0e0e0"));
            s.append(text(LEFT - 8, y + 4, 11, "end", Long.toString(top * i / 4)));
            s.append(text(LEFT + plotW + 8, y + 4, 11, "start", (25 * i) + "%"));
        }
        double bar = plotW / 24.0;
        for (int h = 0; h < 24; h++) {
            double base = TOP + plotH;
            for (int c = 0; c < CHANNELS.length; c++) {
                double height = (double) plotH * perHour[h][c] / top;
                base -= height;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"/>%n", LEFT + h * bar + 2, base, bar - 4, height, COLOURS[c]));
            }
            if (h % 2 == 0) {
                s.append(text((int) (LEFT + h * bar + bar / 2), TOP + plotH + 16, 11, "middle", h + "时"));
            }
        }
        StringBuilder path = new StringBuilder();
        for (int h = 0; h < 24; h++) {
            if (matched[h] == 0) {
                continue;
            }
            double share = (double) inTime[h] / matched[h];
            path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                    LEFT + h * bar + bar / 2, TOP + plotH - plotH * share));
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2.5\"/>\n");
        s.append(text(LEFT - 50, TOP - 12, 11, "start", "每小时诉求数"));
        s.append(text(W - RIGHT + 50, TOP - 12, 11, "end", "5分钟内派单率"));
        int lx = LEFT;
        for (int c = 0; c < CHANNELS.length; c++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    lx, H - 24, COLOURS[c]));
            s.append(text(lx + 16, H - 14, 12, "start", NAMES[c]));
            lx += 110;
        }
        s.append(line(lx, H - 18, lx + 24, H - 18, "#c0392b"));
        s.append(text(lx + 30, H - 14, 12, "start", "5分钟内派单率（右轴）"));
        s.append("</svg>\n");
        return s.toString();
    }

    private static long niceCeiling(long max) {
        long step = 1;
        while (step * 10 < max) {
            step *= 10;
        }
        for (long m : List.of(1L, 2L, 4L, 5L, 8L, 10L)) {
            if (step * m >= max) {
                return step * m;
            }
        }
        return step * 10;
    }

    private static String text(int x, int y, int size, String anchor, String t) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"%s\" "
                + "fill=\"#333\">%s</text>%n", x, y, size, anchor, t);
    }

    private static String line(int x1, int y1, int x2, int y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"%s\"/>%n", x1, y1, x2, y2, colour, colour.equals("#c0392b") ? "2.5" : "1");
    }

    static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
