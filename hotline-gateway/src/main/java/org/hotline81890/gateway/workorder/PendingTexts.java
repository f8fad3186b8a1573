package org.hotline81890.gateway.workorder;

import java.time.Instant;

/**
 * Driven port: texts a resident sent that the hotline has acknowledged but not processed yet (the SMS intake
 * journal, issue 18: a text is acknowledged on its journal row and turned into an order or an answer behind it).
 */
@FunctionalInterface
public interface PendingTexts {
    /** No channel acknowledges before it processes. */
    PendingTexts NONE = (caller, by) -> false;

    /** Whether a text from {@code callerNumber} that arrived at or before {@code by} still waits to be processed. */
    boolean anyFrom(String callerNumber, Instant by);
}
