package org.hotline81890.gateway.wiring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.vertx.ext.web.Router;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.channel.http.HealthCheck;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.schedule.DeadlineHandler;

/**
 * A part of the hotline that plugs into the core: a channel (SMS, voice), the partner network. {@link HotlineApp}
 * collects what each contributes before the relay, the scheduler and HTTP start, then calls {@link #start()}.
 */
public interface HotlineModule extends AutoCloseable {
    /** Deliveries for outbox kinds this module owns (e.g. "sms"). */
    default Map<String, OutboxDelivery> deliveries() {
        return Map.of();
    }

    /** Handlers for deadline subject types this module arms (e.g. "offer"). */
    default Map<String, DeadlineHandler> deadlineHandlers() {
        return Map.of();
    }

    default List<Consumer<Router>> routes() {
        return List.of();
    }

    default List<HealthCheck> healthChecks() {
        return List.of();
    }

    /**
     * True while this module's acknowledgements are busy (the SMS journal's appends under a flood): the outbox relay
     * yields the cores to them for a bounded time (ADR 0042). Empty for a module without such a path.
     */
    default Optional<BooleanSupplier> acksBusy() {
        return Optional.empty();
    }

    /**
     * The outbox relay's lane for rows that go first (ADR 0050): {@code send} takes the dedupe keys of rows just
     * committed. Called once the relay exists; a module that needs no such lane ignores it.
     */
    default void sendFirst(Consumer<List<String>> send) {
    }

    /** Opens sockets, binds, connects: called once everything else is running. */
    default void start() {
    }

    @Override
    default void close() {
    }
}
