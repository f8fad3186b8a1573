package org.hotline81890.gateway.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link CorrectionStore} in a list, for tests. */
public final class InMemoryCorrectionStore implements CorrectionStore {
    private final List<Correction> rows = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    @Override
    public synchronized Correction add(NewCorrection c) {
        Correction stored = new Correction(rows.size() + 1, c.text(), c.matcherFirst(), c.chosen(), c.requestType(),
                c.agent(), c.ticket(), c.at(), Optional.empty(), Optional.empty());
        rows.add(stored);
        keys.add(c.textKey());
        return stored;
    }

    @Override
    public synchronized Optional<Correction> find(long id) {
        return id < 1 || id > rows.size() ? Optional.empty() : Optional.of(rows.get((int) id - 1));
    }

    @Override
    public synchronized List<Correction> agreeing(String textKey, String chosen) {
        List<Correction> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keys.get(i).equals(textKey) && rows.get(i).chosen().equals(chosen)) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    @Override
    public synchronized boolean confirm(long id, String by, Instant at) {
        Correction c = rows.get((int) id - 1);
        if (c.confirmed()) {
            return false;
        }
        rows.set((int) id - 1, new Correction(c.id(), c.text(), c.matcherFirst(), c.chosen(), c.requestType(),
                c.agent(), c.ticket(), c.at(), Optional.of(at), Optional.of(by)));
        return true;
    }

    @Override
    public synchronized List<Correction> confirmed() {
        return rows.stream().filter(Correction::confirmed).toList();
    }

    @Override
    public synchronized List<Correction> pending(int limit) {
        return rows.stream().filter(c -> !c.confirmed()).sorted(Comparator.comparingLong(Correction::id).reversed())
                .limit(limit).toList();
    }
}
