package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.hotline81890.gateway.workorder.TicketNumber;

/**
 * Driven port: tickets given to SMS requests before their orders exist (issue 18, ticket first, ADR 0047). The
 * journal's stage reserves a ticket per message key, queues the reply with it, and the order opened behind the
 * matcher takes it. Implementations throw {@link org.hotline81890.gateway.workorder.StorageUnavailableException}
 * when storage is unavailable.
 */
public interface TicketReservations {

    /**
     * The ticket of each key that has no work order yet: the one reserved before (a redelivery, a row processed
     * twice), else a new one, not used by any order or reservation, committed before this returns. Keys already
     * stored as an order are left out (their intake finds the order, as before).
     */
    Map<String, TicketNumber> reserve(Collection<String> messageKeys, Instant now);

    /** The tickets reserved for these keys (by {@link #reserve}, here or on another node); a lookup only. */
    Map<String, TicketNumber> reserved(Collection<String> messageKeys);

    /** Forgets reservations made before {@code cutoff} (their orders carry the tickets); how many. */
    int purgeBefore(Instant cutoff);
}
