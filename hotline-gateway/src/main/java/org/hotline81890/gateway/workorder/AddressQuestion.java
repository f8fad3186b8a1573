package org.hotline81890.gateway.workorder;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.hotline81890.directory.RequestType;

/**
 * Use case: a service done at the resident's door needs an address, and a text rarely carries one. The hotline asks
 * once (one follow-up question with the acknowledgement) and attaches the answer ({@code 地址 …}) to the sender's
 * latest open order still without an address: an event in its history, the address on the order, and a note to the
 * provider already holding the job. Residents say where as they would to a neighbour (a street, a community, then the
 * house): {@code areaNames} reads the district, street and community a text names, for the request itself
 * ({@link #areaIn}) and for the answer, which fills what the order did not have yet.
 */
public final class AddressQuestion {
    /** Longest address kept (the column's size). */
    public static final int MAX = 255;
    private final WorkOrderStore store;
    private final Tracker tracker;
    private final Predicate<String> serviceNeedsAddress;
    private final BiFunction<WorkOrder, String, List<OutboxMessage>> tellProvider;
    private final Function<String, Area> areaNames;

    /** Without the area tree: texts name no area. */
    public AddressQuestion(WorkOrderStore store, Tracker tracker, Predicate<String> serviceNeedsAddress,
                           BiFunction<WorkOrder, String, List<OutboxMessage>> tellProvider) {
        this(store, tracker, serviceNeedsAddress, tellProvider, text -> Area.UNKNOWN);
    }

    public AddressQuestion(WorkOrderStore store, Tracker tracker, Predicate<String> serviceNeedsAddress,
                           BiFunction<WorkOrder, String, List<OutboxMessage>> tellProvider,
                           Function<String, Area> areaNames) {
        this.areaNames = areaNames;
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
                        x -> withPlace(x, kept), next -> tellProvider.apply(next, kept)));
    }

    /** The district, street and community a request's text names (none: {@link Area#UNKNOWN}). */
    public Area areaIn(String text) {
        return areaNames.apply(text);
    }

    /** The address, and the district, street and community it names where the order had none. */
    private WorkOrder withPlace(WorkOrder w, String address) {
        Area had = w.area();
        Area named = areaIn(address);
        if (had.district().isPresent() || named.district().isEmpty()) {
            return w.withAddress(address);
        }
        return w.withArea(new Area(named.district(), named.street(), named.community(), had.grid(),
                Optional.of(address)));
    }
}
