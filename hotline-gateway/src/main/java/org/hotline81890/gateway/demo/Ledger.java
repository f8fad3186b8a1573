package org.hotline81890.gateway.demo;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the demo's people did, counted as they did it, and the tickets the hotline gave them. */
final class Ledger {
    private final Map<String, String> tickets = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();

    /** A ticket the hotline gave a resident on {@code channel} (the same ticket again changes nothing). */
    void ticket(String ticket, String channel) {
        if (tickets.putIfAbsent(ticket.replace("-", ""), channel) == null) {
            count("requests." + channel);
        }
    }

    Map<String, String> tickets() {
        return Map.copyOf(tickets);
    }

    void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    long count(String what, long ifNone) {
        LongAdder a = counts.get(what);
        return a == null ? ifNone : a.sum();
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The hotline took the job back (escalated or cancelled): the provider stops working on it. */
    void withdraw(String ticket) {
        withdrawn.add(ticket.replace("-", ""));
    }

    boolean withdrawn(String ticket) {
        return withdrawn.contains(ticket.replace("-", ""));
    }
}
