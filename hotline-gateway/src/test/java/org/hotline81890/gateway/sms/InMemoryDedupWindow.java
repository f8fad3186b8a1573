package org.hotline81890.gateway.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DedupWindow} in memory, with the MySQL adapter's rules: a hash key stored before the window starts its next
 * episode (episode 1 the first time, the next one when the current episode also began before the window).
 */
public final class InMemoryDedupWindow {
    private record Episode(int number, Instant firstSeen) {
    }

    private final RepeatAfterWindow rule;
    private final Map<String, Instant> stored = new ConcurrentHashMap<>();
    private final Map<String, Episode> episodes = new ConcurrentHashMap<>();

    public InMemoryDedupWindow(RepeatAfterWindow rule) {
        this.rule = rule;
    }

    /** Records that a text arriving at {@code at} was stored under {@code key} (the first arrival counts). */
    public void stored(Instant at, String key) {
        if (stored.putIfAbsent(key, at) != null) {
            at(Clock.fixed(at, ZoneOffset.UTC)).current(key);
        }
    }

    /** The window as it answers by {@code clock}. */
    public DedupWindow at(Clock clock) {
        return keys -> current(keys, clock.instant());
    }

    private synchronized Map<String, String> current(Collection<String> keys, Instant now) {
        Map<String, String> out = DedupWindow.identity(keys);
        Instant cutoff = rule.cutoff(now);
        for (String key : keys) {
            Instant first = stored.get(key);
            if (!RepeatAfterWindow.appliesTo(key) || first == null || !first.isBefore(cutoff)) {
                continue;
            }
            Episode e = episodes.merge(key, new Episode(1, now),
                    (was, none) -> was.firstSeen().isBefore(cutoff) ? new Episode(was.number() + 1, now) : was);
            out.put(key, DedupWindow.episodeKey(key, e.number()));
        }
        return out;
    }
}
