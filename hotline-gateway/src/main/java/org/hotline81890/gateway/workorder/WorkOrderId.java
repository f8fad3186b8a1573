package org.hotline81890.gateway.workorder;

public record WorkOrderId(long value) {
    public WorkOrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("work-order id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
