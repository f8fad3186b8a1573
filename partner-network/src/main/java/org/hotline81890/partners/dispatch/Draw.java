package org.hotline81890.partners.dispatch;

import java.nio.charset.StandardCharsets;

import org.hotline81890.partners.ProviderId;

/**
 * The tie-break between candidates of equal score: a number drawn from the work order (the seed) and the provider,
 * so one job always draws the same, and over many jobs each of several equal providers wins as often as the
 * others. The provider id order never decides (it sent every tie to the lowest id).
 */
final class Draw {
    private Draw() {
    }

    /** 64-bit FNV-1a of the seed text, once per decision. */
    static long seed(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser over the seed and the provider id's hash. */
    static long of(long seed, ProviderId provider) {
        long h = seed + provider.value().hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
