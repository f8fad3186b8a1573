package org.hotline81890.gateway.channel.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A named part of the system the health routes ask. {@code /health}: 200 only when every check is up (as before).
 * {@code /health/ready}: 200 when every check that {@code gatesReadiness} is up; the others (e.g. AMI: FastAGI still
 * serves calls while Asterisk's manager is away) are listed but do not take the node out. {@code /health/live}
 * asks nothing: the process answers, so a liveness probe never restarts the gateway for an outage elsewhere.
 * A part can answer yet be unfit ({@code condition}): the database reachable but out of room is FULL, not UP, and
 * not DOWN either, with the reason next to it.
 */
public record HealthCheck(String name, BooleanSupplier up, boolean gatesReadiness,
                          Supplier<Optional<Condition>> condition) {
    /** Why a reachable part is not up: its state in the report (e.g. FULL) and a sentence for the operator. */
    public record Condition(String state, String reason) {
    }

    public HealthCheck(String name, BooleanSupplier up, boolean gatesReadiness) {
        this(name, up, gatesReadiness, Optional::empty);
    }

    public HealthCheck(String name, BooleanSupplier up) {
        this(name, up, true);
    }

    /** A check shown per channel that does not make the node unready. */
    public static HealthCheck informative(String name, BooleanSupplier up) {
        return new HealthCheck(name, up, false);
    }

    /** Each check's state: UP, DOWN, or the state of its condition. */
    public static Map<String, String> run(Iterable<HealthCheck> checks) {
        Map<String, String> result = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            result.put(c.name(), !isUp(c) ? "DOWN" : conditionOf(c).map(Condition::state).orElse("UP"));
        }
        return result;
    }

    /** The reasons of the checks that are reachable but unfit (empty when none). */
    public static Map<String, String> reasons(Iterable<HealthCheck> checks) {
        Map<String, String> result = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            conditionOf(c).ifPresent(x -> result.put(c.name(), x.reason()));
        }
        return result;
    }

    /** True when every check that gates readiness is up (given the results of {@link #run}). */
    public static boolean ready(List<HealthCheck> checks, Map<String, String> results) {
        return checks.stream().filter(HealthCheck::gatesReadiness)
                .allMatch(c -> "UP".equals(results.get(c.name())));
    }

    private static boolean isUp(HealthCheck c) {
        try {
            return c.up().getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<Condition> conditionOf(HealthCheck c) {
        try {
            return c.condition().get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
