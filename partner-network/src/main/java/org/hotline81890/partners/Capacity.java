package org.hotline81890.partners;

/** How many jobs a provider handles at once (accepted or started offers). */
public record Capacity(int maxConcurrentJobs) {
    public Capacity {
        if (maxConcurrentJobs < 1 || maxConcurrentJobs > 10_000) {
            throw new IllegalArgumentException("capacity must be 1..10000 jobs at once, got " + maxConcurrentJobs);
        }
    }

    public boolean hasRoomFor(int activeJobs) {
        return activeJobs < maxConcurrentJobs;
    }
}
