package org.hotline81890.gateway.workorder;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Use case: a service done at the resident's door needs an address, and a text rarely carries one. The hotline asks
 * once (one follow-up question with the acknowledgement) and attaches the answer ({@code 地址 …}) to the sender's
 * latest open order still without an address: an event in its history, the address on the order, and a note to the
 * provider already holding the job.
 */
public final class AddressQuestion {
    /** Longest address kept (the column's size). */
    public static final int MAX = 255;
    private final WorkOrderStore store;
    private final Tracker tracker;
    private final Predicate<String> serviceNeedsAddress;
    private final BiFunction<WorkOrder, String, List<OutboxMessage>> tellProvider;

    public AddressQuestion(WorkOrderStore store, Tracker tracker, Predicate<String> serviceNeedsAddress,
                           BiFunction<WorkOrder, String, List<OutboxMessage>> tellProvider) {
        this.store = store;
        this.tracker = tracker;
        this.serviceNeedsAddress = serviceNeedsAddress;
        this.tellProvider = tellProvider;
    }

    /** Whether to ask: the matched service needs an address, the order has none and is no consultation. */
    public boolean asks(WorkOrder w) {
        return w.serviceCode().filter(serviceNeedsAddress).isPresent() && w.area().address().isEmpty()
                && w.requestType() != RequestType.CONSULTATION && !w.state().isFinal();
    }

    /** Attaches {@code address} to the caller's latest open order that asked for one; empty when none did. */
    public Optional<WorkOrder> answer(String caller, String address, Channel channel) {
        String given = address.strip();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String kept = given.length() > MAX ? given.substring(0, MAX) : given;
        return store.listByCaller(caller, 10).stream().filter(this::asks).findFirst()
                .map(w -> tracker.record(w.id(), "resident", channel, "address given by the resident: " + kept,
                        x -> x.withAddress(kept), next -> tellProvider.apply(next, kept)));
    }
}
