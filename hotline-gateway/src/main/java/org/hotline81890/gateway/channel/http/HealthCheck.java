package org.hotline81890.gateway.channel.http;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** A named part of the system that /health asks; 200 only when every check is up. */
public record HealthCheck(String name, BooleanSupplier up) {
    public static Map<String, Boolean> run(Iterable<HealthCheck> checks) {
        Map<String, Boolean> result = new java.util.LinkedHashMap<>();
        for (HealthCheck c : checks) {
            boolean ok;
            try {
                ok = c.up().getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            result.put(c.name(), ok);
        }
        return result;
    }
}
