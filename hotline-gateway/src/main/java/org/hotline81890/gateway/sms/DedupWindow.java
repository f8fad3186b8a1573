package org.hotline81890.gateway.sms;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dedup window for hash idempotency keys ({@code sms:<sha-256>}, see {@link IdempotencyKeys}): an SMSC
 * redelivery (minutes) keeps its key, so it maps to the same work order; the same text from the same phone after
 * the window (days) gets the key of a new episode ({@code <key>#<n>}), so it becomes a new request. Keys that are
 * not hashes (SMSC message ids) are returned unchanged.
 */
public interface DedupWindow {
    /** Prefix of the keys this window applies to. */
    String HASH_PREFIX = "sms:";

    /** No window: every key is its own episode for ever (the behaviour before V5). */
    DedupWindow NONE = keys -> identity(keys);

    /** The key of the current episode for each of {@code keys}; every key of the argument is in the map. */
    Map<String, String> current(Collection<String> keys);

    /** The key of the current episode of one key. */
    default String current(String key) {
        return current(List.of(key)).get(key);
    }

    /** The key of episode {@code episode} of {@code key}. */
    static String episodeKey(String key, int episode) {
        return episode == 0 ? key : key + "#" + episode;
    }

    static Map<String, String> identity(Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        keys.forEach(k -> out.put(k, k));
        return out;
    }
}
