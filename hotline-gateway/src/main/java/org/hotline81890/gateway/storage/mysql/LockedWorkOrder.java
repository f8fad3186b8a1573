package org.hotline81890.gateway.storage.mysql;

import org.hotline81890.gateway.workorder.WorkOrderId;

/**
 * Key under which a transaction remembers a work order row it holds locked ({@link Transactions#remember}): set by
 * the partner lock and by every update in the transaction, so later moves in it skip the re-read.
 */
record LockedWorkOrder(WorkOrderId id) {
}
