package org.hotline81890.gateway.channel.smpp;

import java.time.Instant;
import java.util.List;

/**
 * Driven port: parts of long messages that are not complete yet. A part is acknowledged to the SMSC only after
 * {@link #save} returned, so parts survive a crash of the gateway. Implementations throw an unchecked exception
 * when storage is unavailable (the part is then refused with a retryable status).
 */
public interface PartStore {

    /** Stores the part; saving the same (key, sequence) again keeps the first copy. */
    void save(StagedPart part);

    /** All staged parts of a message, in any order; empty when none. */
    List<StagedPart> load(PartKey key);

    /** Forgets a message's parts, after it was committed whole (or as incomplete). */
    void delete(PartKey key);

    /** Keys whose earliest staged part arrived before {@code cutoff}: candidates for the reassembly timeout. */
    List<PartKey> keysStagedBefore(Instant cutoff);
}
