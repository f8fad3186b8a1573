package org.hotline81890.gateway.channel.agi;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** When agents take calls; outside them callers leave a callback request. Empty = always open. */
public record OpeningHours(Optional<LocalTime> from, Optional<LocalTime> until, ZoneId zone) {

    /** {@code HH:MM-HH:MM} (24:00 allowed as the end; a window over midnight such as 20:00-08:00 works), or empty. */
    public static OpeningHours parse(String spec, ZoneId zone) {
        if (spec == null || spec.isBlank()) {
            return new OpeningHours(Optional.empty(), Optional.empty(), zone);
        }
        String[] p = spec.strip().split("-");
        LocalTime until = p[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(p[1]);
        return new OpeningHours(Optional.of(LocalTime.parse(p[0])), Optional.of(until), zone);
    }

    public boolean isOpen(Instant at) {
        if (from.isEmpty()) {
            return true;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        LocalTime a = from.get();
        LocalTime b = until.get();
        return a.isBefore(b) ? !t.isBefore(a) && t.isBefore(b) : !t.isBefore(a) || t.isBefore(b);
    }
}
