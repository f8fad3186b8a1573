package org.hotline81890.gateway.supervision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;

/** Driven port: the 督办单 issued to departments. */
public interface SupervisionNotices {
    /** Stores a new notice (id 0) and returns it with its id. */
    SupervisionNotice add(SupervisionNotice notice);

    Optional<SupervisionNotice> find(long id);

    /** Records how an open notice ended; false when it was no longer open. */
    boolean settle(SupervisionNotice settled);

    List<SupervisionNotice> forWorkOrder(WorkOrderId id);

    /** Missed notices per department (the count against each). */
    Map<ProviderId, Integer> missedByDepartment();
}
