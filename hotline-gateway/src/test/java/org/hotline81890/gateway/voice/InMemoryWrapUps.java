package org.hotline81890.gateway.voice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link WrapUps} in memory, for the use-case tests. */
public final class InMemoryWrapUps implements WrapUps {
    private record Row(Open open, Optional<String> code) {
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public synchronized void begin(String extension, String uniqueId, Instant at) {
        boolean known = rows.stream().anyMatch(r -> r.open().extension().equals(extension)
                && r.open().uniqueId().equals(uniqueId));
        if (!known) {
            rows.add(new Row(new Open(rows.size() + 1, extension, uniqueId, at, false), Optional.empty()));
        }
    }

    @Override
    public synchronized Optional<Open> open(String extension) {
        return rows.stream().filter(r -> r.code().isEmpty() && r.open().extension().equals(extension))
                .map(Row::open).max(Comparator.comparing(Open::startedAt).thenComparingLong(Open::id));
    }

    @Override
    public synchronized boolean finish(long id, String code, String agent, Instant at) {
        Optional<Row> latest = rows.stream().filter(r -> r.open().id() == id).findFirst();
        if (latest.isEmpty() || latest.get().code().isPresent()) {
            return false;
        }
        rows.replaceAll(r -> r.code().isEmpty() && r.open().extension().equals(latest.get().open().extension())
                && r.open().id() <= id ? new Row(r.open(), Optional.of(code)) : r);
        return true;
    }

    @Override
    public synchronized void signedOut(long id, Instant at) {
        rows.replaceAll(r -> r.open().id() == id && r.code().isEmpty() ? new Row(new Open(r.open().id(),
                r.open().extension(), r.open().uniqueId(), r.open().startedAt(), true), r.code()) : r);
    }

    public synchronized List<String> codes() {
        return rows.stream().flatMap(r -> r.code().stream()).toList();
    }
}
