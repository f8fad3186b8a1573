package org.hotline81890.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The services that have a price ({@code fees.tsv}); a service without one has no fee, not a fee of zero. */
public final class Fees {
    private final Map<String, Fee> byService;

    public Fees(List<Fee> fees) {
        this.byService = fees.stream().collect(Collectors.toUnmodifiableMap(Fee::service, Function.identity()));
    }

    public static Fees none() {
        return new Fees(List.of());
    }

    public Optional<Fee> of(String serviceCode) {
        return Optional.ofNullable(byService.get(serviceCode));
    }

    public int size() {
        return byService.size();
    }
}
