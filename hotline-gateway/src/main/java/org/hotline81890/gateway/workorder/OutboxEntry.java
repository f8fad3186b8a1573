package org.hotline81890.gateway.workorder;

import java.time.Instant;
import java.util.Optional;

/** An outbox row claimed for delivery. */
public record OutboxEntry(long id, OutboxMessage message, Optional<WorkOrderId> workOrderId, int attempts,
                          Instant createdAt) {
}
