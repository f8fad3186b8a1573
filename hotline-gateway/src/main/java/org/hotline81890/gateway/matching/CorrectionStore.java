package org.hotline81890.gateway.matching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: the agents' corrections of the matcher. */
public interface CorrectionStore {
    /** Stores a new, unconfirmed correction and returns it with its id. */
    Correction add(NewCorrection correction);

    Optional<Correction> find(long id);

    /** The other corrections of the same text (same {@link Correction#textKey}) that chose the same answer. */
    List<Correction> agreeing(String textKey, String chosen);

    /** Marks it confirmed (once: a confirmed correction stays as it was confirmed); false when already so. */
    boolean confirm(long id, String by, Instant at);

    /** Every confirmed correction, oldest first: what the matcher learns from. */
    List<Correction> confirmed();

    /** Unconfirmed corrections, newest first, for a supervisor to approve. */
    List<Correction> pending(int limit);

    /** What an agent submits; {@code textKey} is {@link Correction#textKey} of the text. */
    record NewCorrection(String text, String textKey, String matcherFirst, String chosen, String requestType,
                         String agent, Optional<String> ticket, Instant at) {
    }
}
