package org.hotline81890.partners.kpi;

import java.util.Optional;

/** A count out of a count; no value when nothing was counted (shown as "–", not 0% or 100%). */
public record Rate(int count, int outOf) {
    public Rate {
        if (count < 0 || outOf < 0 || count > outOf) {
            throw new IllegalArgumentException("rate must be 0 <= count <= outOf, got " + count + "/" + outOf);
        }
    }

    public Optional<Double> value() {
        return outOf == 0 ? Optional.empty() : Optional.of((double) count / outOf);
    }

    @Override
    public String toString() {
        return value().map(v -> Math.round(v * 1000) / 10.0 + "% (" + count + "/" + outOf + ")").orElse("–");
    }
}
