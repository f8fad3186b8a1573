package org.hotline81890.simulators.ami;

import java.util.concurrent.atomic.AtomicInteger;

/** Uniqueids ({@code <epoch>.<n>}) and Local channel sequence numbers ({@code -0000000a}) as Asterisk hands out. */
final class ChannelIds {

    private final AtomicInteger uniqueCounter;
    private final AtomicInteger localSequence;
    private final AmiEnvironment env;

    ChannelIds(AmiEnvironment env, int firstUniqueCounter, int firstLocalSequence) {
        this.env = env;
        this.uniqueCounter = new AtomicInteger(firstUniqueCounter);
        this.localSequence = new AtomicInteger(firstLocalSequence);
    }

    String nextUniqueId() {
        return env.epochSeconds() + "." + uniqueCounter.getAndIncrement();
    }

    String nextLocalSuffix() {
        return String.format("-%08x", localSequence.getAndIncrement());
    }
}
