package org.hotline81890.gateway.channel.agi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Asterisk servers allowed to open FastAGI sessions (agi.allowed-hosts), resolved once at start. A FastAGI
 * session can create work orders in residents' names, so anyone else is closed before a byte is read.
 */
public final class AllowedHosts {
    private final Set<InetAddress> addresses;

    private AllowedHosts(Set<InetAddress> addresses) {
        this.addresses = Set.copyOf(addresses);
    }

    /** Host names or addresses; a name that does not resolve stops start-up with the name in the message. */
    public static AllowedHosts resolve(List<String> hosts) {
        Set<InetAddress> all = new HashSet<>();
        for (String h : hosts) {
            try {
                all.addAll(List.of(InetAddress.getAllByName(h)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("agi.allowed-hosts: cannot resolve '" + h + "'", e);
            }
        }
        return new AllowedHosts(all);
    }

    public boolean permits(InetAddress remote) {
        return addresses.contains(remote);
    }

    public boolean isEmpty() {
        return addresses.isEmpty();
    }
}
