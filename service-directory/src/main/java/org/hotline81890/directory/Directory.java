package org.hotline81890.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The loaded directory: categories in order, services in order, and the shared word tables the matcher uses.
 * Immutable; build it with {@code DirectoryLoader}.
 */
public final class Directory {
    private final List<Category> categories;
    private final List<Service> services;
    private final Map<String, Service> byCode;
    private final Lexicon lexicon;
    private final SlaPolicy slaPolicy;

    public Directory(List<Category> categories, List<Service> services, Lexicon lexicon, SlaPolicy slaPolicy) {
        this.categories = List.copyOf(categories);
        this.services = List.copyOf(services);
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.slaPolicy = Objects.requireNonNull(slaPolicy, "slaPolicy");
        Map<String, Service> map = new LinkedHashMap<>();
        for (Service s : this.services) {
            if (map.putIfAbsent(s.code(), s) != null) {
                throw new IllegalArgumentException("duplicate service code " + s.code());
            }
        }
        this.byCode = Map.copyOf(map);
    }

    public List<Category> categories() {
        return categories;
    }

    public List<Service> services() {
        return services;
    }

    public Optional<Service> find(String code) {
        return Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    public List<Service> servicesOf(Category category) {
        return services.stream().filter(s -> s.category().equals(category)).toList();
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public SlaPolicy slaPolicy() {
        return slaPolicy;
    }
}
