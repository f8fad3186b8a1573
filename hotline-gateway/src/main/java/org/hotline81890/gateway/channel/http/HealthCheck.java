package org.hotline81890.gateway.channel.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A named part of the system the health routes ask. {@code /health}: 200 only when every check is up (as before).
 * {@code /health/ready}: 200 when every check that {@code gatesReadiness} is up; the others (e.g. AMI: FastAGI still
 * serves calls while Asterisk's manager is away) are listed but do not take the node out. {@code /health/live}
 * asks nothing: the process answers, so a liveness probe never restarts the gateway for an outage elsewhere.
 */
public record HealthCheck(String name, BooleanSupplier up, boolean gatesReadiness) {
    public HealthCheck(String name, BooleanSupplier up) {
        this(name, up, true);
    }

    /** A check shown per channel that does not make the node unready. */
    public static HealthCheck informative(String name, BooleanSupplier up) {
        return new HealthCheck(name, up, false);
    }

    public static Map<String, Boolean> run(Iterable<HealthCheck> checks) {
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            result.put(c.name(), isUp(c));
        }
        return result;
    }

    /** True when every check that gates readiness is up (given the results of {@link #run}). */
    public static boolean ready(List<HealthCheck> checks, Map<String, Boolean> results) {
        return checks.stream().filter(HealthCheck::gatesReadiness)
                .allMatch(c -> results.getOrDefault(c.name(), false));
    }

    private static boolean isUp(HealthCheck c) {
        try {
            return c.up().getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
