package org.hotline81890.simulators.ami;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The values Asterisk takes from its clock and memory. Tests supply fixed ones so that the simulator's bytes can be
 * compared with a transcript exactly; {@link #system()} is the real clock.
 */
public interface AmiEnvironment {

    /** Seconds since the epoch (uniqueids, LoginTime, LastPause, queue waits). */
    long epochSeconds();

    /** The {@code Timestamp} of a Pong, e.g. {@code 1795419323.277024}. */
    String pingTimestamp();

    /** {@code EventTV}/{@code SessionTV} of security events, e.g. {@code 2026-11-23T07:35:23.278+0000}. */
    String eventTv();

    /** {@code SessionID} of a manager session, e.g. {@code 0x7fbdb0001ee0}. */
    String sessionId();

    /** {@code Uptime}/{@code LastReload} of FullyBooted. */
    long uptimeSeconds();

    static AmiEnvironment system() {
        long started = System.currentTimeMillis();
        DateTimeFormatter tv = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
        return new AmiEnvironment() {
            @Override
            public long epochSeconds() {
                return System.currentTimeMillis() / 1000;
            }

            @Override
            public String pingTimestamp() {
                Instant now = Instant.now();
                return String.format("%d.%06d", now.getEpochSecond(), now.getNano() / 1000);
            }

            @Override
            public String eventTv() {
                return tv.format(Instant.now());
            }

            @Override
            public String sessionId() {
                return String.format("0x%x", 0x7f0000000000L + ThreadLocalRandom.current().nextLong(0xffffffffL));
            }

            @Override
            public long uptimeSeconds() {
                return (System.currentTimeMillis() - started) / 1000;
            }
        };
    }
}
