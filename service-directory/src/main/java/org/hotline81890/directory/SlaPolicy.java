package org.hotline81890.directory;

import java.util.Map;
import java.util.Objects;

/**
 * The SLA table from {@code sla.tsv}. Emergencies use the {@code emergency} row, services marked with an SLA class
 * (e.g. {@code utility}) use that row, and everything else uses the row named after the request type.
 */
public record SlaPolicy(Map<String, Sla> table) {
    public static final String EMERGENCY = "emergency";

    public SlaPolicy {
        table = Map.copyOf(Objects.requireNonNull(table, "table"));
        if (!table.containsKey(EMERGENCY)) {
            throw new IllegalArgumentException("the SLA table needs an 'emergency' row");
        }
        for (RequestType type : RequestType.values()) {
            if (!table.containsKey(type.english())) {
                throw new IllegalArgumentException("the SLA table needs a '" + type.english() + "' row");
            }
        }
    }

    /** The SLA for a request of this type, with an optional service SLA class (empty string for none). */
    public Sla slaFor(RequestType type, boolean urgent, String serviceClass) {
        if (urgent) {
            return table.get(EMERGENCY);
        }
        if (!serviceClass.isEmpty() && table.containsKey(serviceClass)) {
            return table.get(serviceClass);
        }
        return table.get(type.english());
    }

    public boolean hasClass(String name) {
        return table.containsKey(name);
    }
}
