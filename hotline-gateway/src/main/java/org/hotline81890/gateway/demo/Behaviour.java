package org.hotline81890.gateway.demo;

import java.time.Duration;
import java.util.Random;

/**
 * How the simulated people behave, in simulated time. Providers: departments sign nearly every transfer within the
 * hour and take hours to a day to handle it; partner companies accept most offers within minutes, decline some and
 * never answer a few (the offer times out after partners.accept-timeout, 5 min, and goes to the next); volunteers
 * decline and miss more. Residents answer most surveys within the hour: satisfied most of the time, a few
 * unsatisfied. Durations are log-normal around the median given.
 */
final class Behaviour {
    private final Random random;
    private final double unsatisfied;

    Behaviour(long seed, double unsatisfied) {
        this.random = new Random(seed);
        this.unsatisfied = unsatisfied;
    }

    /** A provider's answer to an offer. */
    sealed interface Answer {
        record Accept(Duration after) implements Answer {
        }

        record Decline(Duration after, String reason) implements Answer {
        }

        record Ignore() implements Answer {
        }
    }

    Answer offer(SampleProviders.Provider p) {
        double r = random.nextDouble();
        return switch (p.kind()) {
            case "DEPARTMENT" -> answer(r, 0.97, 0.98, Duration.ofMinutes(15), "不属于本单位职责");
            case "PARTNER_COMPANY" -> answer(r, 0.82, 0.92, Duration.ofSeconds(90), "人手不足");
            default -> answer(r, 0.72, 0.87, Duration.ofMinutes(2), "今天没空");
        };
    }

    /** Accept below {@code accept}, decline below {@code decline}, else never answer; answers take about
     * {@code median} (at most four times it). */
    private Answer answer(double r, double accept, double decline, Duration median, String reason) {
        if (r < accept) {
            return new Answer.Accept(around(median, median.multipliedBy(4)));
        }
        return r < decline ? new Answer.Decline(around(median, median.multipliedBy(4)), reason) : new Answer.Ignore();
    }

    /** From accepting to setting out (partners and volunteers). */
    Duration setOut() {
        return around(Duration.ofMinutes(20), Duration.ofHours(2));
    }

    /** From accepting to reporting the work done. */
    Duration work(SampleProviders.Provider p) {
        return p.department() ? around(Duration.ofHours(6), Duration.ofHours(60))
                : around(Duration.ofMinutes(90), Duration.ofHours(12));
    }

    /** A resident's survey answer ("1", "2", "3"), or empty for no reply; after a reopen residents are kinder. */
    java.util.Optional<String> survey(boolean reopened) {
        double r = random.nextDouble();
        if (r < 0.05) {
            return java.util.Optional.empty();
        }
        double no = reopened ? unsatisfied / 2 : unsatisfied;
        return java.util.Optional.of(r < 0.05 + no ? "3" : r < 0.22 + no ? "2" : "1");
    }

    Duration surveyDelay() {
        return around(Duration.ofMinutes(12), Duration.ofHours(6));
    }

    /** A resident replies with the address the hotline asked for. */
    Duration addressDelay() {
        return around(Duration.ofMinutes(2), Duration.ofMinutes(20));
    }

    /** How long a caller talks to an agent, and waits before one answers. */
    Duration talk() {
        return around(Duration.ofSeconds(150), Duration.ofMinutes(12));
    }

    Duration hold() {
        return around(Duration.ofSeconds(8), Duration.ofSeconds(90));
    }

    double nextDouble() {
        return random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    Random random() {
        return random;
    }

    /** Log-normal with this median (sigma 0.6), at most {@code max}. */
    private Duration around(Duration median, Duration max) {
        double x = median.toMillis() * Math.exp(0.6 * random.nextGaussian());
        return Duration.ofMillis((long) Math.min(x, max.toMillis()));
    }
}
