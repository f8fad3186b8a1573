package org.hotline81890.gateway.channel.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Times on the supervisor's pages: Beijing time, and how long ago in words a supervisor reads at a glance. */
public final class SupervisorFormat {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private final Instant now;

    public SupervisorFormat(Instant now) {
        this.now = now;
    }

    public String time(Instant at) {
        return WHEN.format(at);
    }

    public String time(Optional<Instant> at) {
        return at.map(this::time).orElse("—");
    }

    /** "3 分钟", "2 小时 5 分", "4 天 3 小时". */
    public String age(Instant since) {
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            return "0 分钟";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " 分钟";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " 小时 " + d.toMinutesPart() + " 分";
        }
        return d.toDays() + " 天 " + d.toHoursPart() + " 小时";
    }

    /** An offer's state as the desk says it, "逾期" added for a transfer past its handling deadline. */
    public String offer(org.hotline81890.partners.offer.Offer o) {
        String state = switch (o.state()) {
            case OFFERED -> "待接单";
            case ACCEPTED -> "已接单";
            case STARTED -> "办理中";
            case COMPLETED -> "已办结";
            case DECLINED -> "已拒单";
            case EXPIRED -> "超时未答复";
            case CANCELLED -> "已撤回";
        };
        return o.overdue() ? state + "（逾期）" : state;
    }

    /** A default for the 督办单's deadline field: tomorrow at this time, as {@code datetime-local} wants it. */
    public String tomorrow() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneId.of("Asia/Shanghai"))
                .format(now.plus(Duration.ofDays(1)));
    }
}
