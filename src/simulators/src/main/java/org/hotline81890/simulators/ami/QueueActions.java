package org.hotline81890.simulators.ami;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** QueueStatus, QueueSummary, QueueAdd, QueuePause, QueueRemove with app_queue's messages. */
final class QueueActions {

    private QueueActions() {
    }

    static void handle(String name, AmiMessage req, Optional<String> id, AmiConnection c, AmiServerSimulator s)
            throws IOException {
        long now = s.config().environment().epochSeconds();
        Optional<String> queueName = req.get("Queue");
        Optional<QueueState> queue = queueName.flatMap(s::queue);
        String iface = req.get("Interface").orElse("");
        switch (name) {
            case "queuestatus" -> {
                List<AmiMessage> items = new ArrayList<>();
                for (QueueState q : selected(queueName, s)) {
                    items.addAll(q.status(id, req.get("Member"), now));
                }
                list(c, id, "Queue status will follow", items, "QueueStatusComplete");
            }
            case "queuesummary" -> {
                List<AmiMessage> items = new ArrayList<>();
                for (QueueState q : selected(queueName, s)) {
                    items.add(q.summary(id, now));
                }
                list(c, id, "Queue summary will follow", items, "QueueSummaryComplete");
            }
            case "queueadd" -> {
                if (queue.isEmpty()) {
                    c.send(AmiActions.error(id, "Unable to add interface to queue: No such queue"));
                } else if (queue.get().findMember(iface).isPresent()) {
                    c.send(AmiActions.error(id, "Unable to add interface: Already there"));
                } else {
                    boolean paused = req.get("Paused").orElse("false").equalsIgnoreCase("true");
                    queue.get().member(new QueueMemberState(req.get("MemberName").orElse(iface), iface, "dynamic",
                            Integer.parseInt(req.get("Penalty").orElse("0")), 0, 0, paused ? now : 0, now, 0, 1,
                            paused, ""));
                    c.send(AmiActions.success(id).add("Message", "Added interface to queue").build());
                }
            }
            case "queuepause" -> pause(req, id, c, s, queueName, iface, now);
            default -> {
                if (queue.isEmpty()) {
                    c.send(AmiActions.error(id, "Unable to remove interface from queue: No such queue"));
                } else if (!queue.get().removeMember(iface)) {
                    c.send(AmiActions.error(id, "Unable to remove interface: Not there"));
                } else {
                    c.send(AmiActions.success(id).add("Message", "Removed interface from queue").build());
                }
            }
        }
    }

    private static void pause(AmiMessage req, Optional<String> id, AmiConnection c, AmiServerSimulator s,
            Optional<String> queueName, String iface, long now) throws IOException {
        boolean paused = req.get("Paused").orElse("false").equalsIgnoreCase("true");
        boolean found = false;
        for (QueueState q : selected(queueName, s)) {
            Optional<QueueMemberState> m = q.findMember(iface);
            if (m.isPresent()) {
                q.member(m.get().paused(paused, req.get("Reason").orElse(""), now));
                found = true;
            }
        }
        if (!found) {
            c.send(AmiActions.error(id, "Interface not found"));
            return;
        }
        c.send(AmiActions.success(id)
                .add("Message", paused ? "Interface paused successfully" : "Interface unpaused successfully").build());
    }

    private static List<QueueState> selected(Optional<String> queueName, AmiServerSimulator s) {
        return queueName.map(n -> s.queue(n).map(List::of).orElse(List.of())).orElse(s.config().queues());
    }

    private static void list(AmiConnection c, Optional<String> id, String message, List<AmiMessage> items,
            String completeEvent) throws IOException {
        c.send(AmiActions.success(id).add("EventList", "start").add("Message", message).build());
        for (AmiMessage m : items) {
            c.send(m);
        }
        c.send(AmiMessage.builder().add("Event", completeEvent).actionId(id).add("EventList", "Complete")
                .add("ListItems", items.size()).build());
    }
}
