package org.hotline81890.gateway.channel.web;

import java.util.List;
import java.util.function.Function;

/**
 * A table of records as the supervisor's pages list them (who viewed which resident, who listened to which agent, an
 * order's history): its id, its column heads, and each row's cells as text, drawn by {@code records :: table}.
 */
public record RecordTable(String id, List<String> heads, List<List<String>> rows) {
    public RecordTable {
        heads = List.copyOf(heads);
        rows = List.copyOf(rows);
    }

    /** One row per item, its cells from {@code cells}. */
    static <T> RecordTable of(String id, List<String> heads, List<T> items, Function<T, List<String>> cells) {
        return new RecordTable(id, heads, items.stream().map(cells).toList());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
