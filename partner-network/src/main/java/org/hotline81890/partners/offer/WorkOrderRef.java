package org.hotline81890.partners.offer;

import java.util.Objects;

/** The gateway's work-order id as this module sees it (the gateway owns WorkOrderId). */
public record WorkOrderRef(String value) {
    public WorkOrderRef {
        Objects.requireNonNull(value, "work order ref");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("work order ref must be 1..64 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
