package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.List;

/**
 * Driven port: parts of long messages that are not complete yet. A part is acknowledged to the SMSC only after
 * {@link #save} returned, so parts survive a crash of the gateway. Implementations throw an unchecked exception
 * when storage is unavailable (the part is then refused with a retryable status).
 */
public interface PartStore {

    /** What {@link #save} did with a part. */
    enum Saved {
        /** Staged (or already staged: the first copy is kept). */
        STAGED,
        /** The same part (same text) of a message that was already committed whole: nothing to do but ack. */
        ALREADY_COMPLETED
    }

    /**
     * Stores the part; saving the same (key, sequence) again keeps the first copy. A part whose (key, sequence)
     * belongs to a completed message with the same text is a redelivery: {@link Saved#ALREADY_COMPLETED}. With a
     * different text the reference was reused by a new message: the old completed parts are forgotten.
     */
    Saved save(StagedPart part);

    /** All staged (not completed) parts of a message, in any order; empty when none. */
    List<StagedPart> load(PartKey key);

    /** Marks a message's parts completed, after it was committed whole (or as incomplete). */
    void delete(PartKey key);

    /** Keys whose earliest staged part arrived before {@code cutoff}: candidates for the reassembly timeout. */
    List<PartKey> keysStagedBefore(Instant cutoff);
}
