package org.hotline81890.directory;

import java.util.Objects;

/** How soon a provider must respond to, and complete, a work order. */
public record Sla(String name, Deadline respondBy, Deadline completeBy) {
    public Sla {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(respondBy, "respondBy");
        Objects.requireNonNull(completeBy, "completeBy");
    }
}
