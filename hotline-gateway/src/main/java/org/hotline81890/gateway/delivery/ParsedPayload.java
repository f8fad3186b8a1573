package org.hotline81890.gateway.delivery;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hotline81890.gateway.workorder.OutboxEntry;

/** What the deliveries of rows with a parsed payload share: done once the action ran, rejected if unreadable. */
final class ParsedPayload {
    private ParsedPayload() {
    }

    static <T> DeliveryOutcome deliver(OutboxEntry entry, Function<String, Optional<T>> parse, Consumer<T> act,
                                       String what) {
        return parse.apply(entry.message().payload()).<DeliveryOutcome>map(r -> {
            act.accept(r);
            return new DeliveryOutcome.Confirmed(what + " done");
        }).orElseGet(() -> new DeliveryOutcome.Rejected("not a " + what + ": " + entry.message().payload()));
    }
}
