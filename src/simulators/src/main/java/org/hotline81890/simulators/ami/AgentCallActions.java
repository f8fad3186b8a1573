package org.hotline81890.simulators.ami;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Call control on a queue call an agent answered: the channels an {@code AgentConnect} event named (the caller's
 * {@code Channel} and the agent's {@code DestChannel}) are live until hung up. Understands Hangup, BlindTransfer,
 * Atxfer, PlayDTMF and Redirect on those channels, answers as Asterisk 22 does ("No such channel" for any other),
 * and keeps every such action for tests to read. A Hangup ends the call with Hangup events and AgentComplete.
 */
final class AgentCallActions {
    private final Map<String, AmiMessage> connects = new ConcurrentHashMap<>();
    private final List<AmiMessage> received = new CopyOnWriteArrayList<>();

    /** Follows the events the simulator publishes: an AgentConnect makes its two channels live. */
    void observe(AmiMessage event) {
        if (event.get("Event").orElse("").equals("AgentConnect")) {
            event.get("Channel").ifPresent(ch -> connects.put(ch, event));
            event.get("DestChannel").ifPresent(ch -> connects.put(ch, event));
        }
    }

    List<AmiMessage> received() {
        return List.copyOf(received);
    }

    /** @return false when the action is not about a live agent call (the caller handles it). */
    boolean handle(String name, AmiMessage req, Optional<String> id, AmiConnection c, AmiServerSimulator s)
            throws IOException {
        if (!List.of("hangup", "blindtransfer", "atxfer", "playdtmf", "redirect").contains(name)) {
            return false;
        }
        String channel = req.get("Channel").orElse("");
        AmiMessage connect = connects.get(channel);
        if (connect == null) {
            if (name.equals("hangup")) {
                return false;
            }
            c.send(AmiActions.error(id, "No such channel"));
            return true;
        }
        received.add(req);
        switch (name) {
            case "hangup" -> {
                c.send(AmiActions.success(id).add("Message", "Channel Hungup").build());
                end(connect, s, "agent");
            }
            case "blindtransfer" -> {
                c.send(AmiActions.success(id).add("Message", "Transfer succeeded").build());
                end(connect, s, "transfer");
            }
            case "atxfer" -> c.send(AmiActions.success(id).add("Message", "Atxfer successfully queued").build());
            case "playdtmf" -> c.send(AmiActions.success(id).add("Message", "DTMF successfully queued").build());
            default -> {
                boolean dual = req.get("ExtraChannel").map(connects::containsKey).orElse(false);
                c.send(AmiActions.success(id).add("Message", dual ? "Dual Redirect successful"
                        : "Redirect successful").build());
            }
        }
        return true;
    }

    private void end(AmiMessage connect, AmiServerSimulator s, String reason) {
        String caller = connect.get("Channel").orElse("");
        String agent = connect.get("DestChannel").orElse("");
        if (connects.remove(caller) == null) {
            return;
        }
        connects.remove(agent);
        AmiMessage.Builder complete = AmiMessage.builder().add("Event", "AgentComplete");
        connect.headers().stream().filter(h -> !h.name().equals("Event") && !h.name().equals("RingTime"))
                .forEach(h -> complete.add(h.name(), h.value()));
        s.publish(complete.add("TalkTime", 30).add("Reason", reason).build());
        s.publish(AmiMessage.builder().add("Event", "Hangup").add("Privilege", "call,all").add("Channel", agent)
                .add("Uniqueid", connect.get("DestUniqueid").orElse("")).add("Cause", 16)
                .add("Cause-txt", "Normal Clearing").build());
    }
}
