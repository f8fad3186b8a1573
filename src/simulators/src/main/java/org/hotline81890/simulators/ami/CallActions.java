package org.hotline81890.simulators.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Call and queue actions: Originate, Hangup, Getvar, QueueStatus/Summary/Add/Pause/Remove. */
final class CallActions {

    private CallActions() {
    }

    /** @return false if the action is unknown */
    static boolean handle(String name, AmiMessage req, Optional<String> id, AmiConnection c, AmiServerSimulator s)
            throws IOException {
        if (s.agentCalls().handle(name, req, id, c, s)) {
            return true;
        }
        switch (name) {
            case "originate" -> originate(req, id, c, s);
            case "hangup" -> hangup(req, id, c, s);
            case "getvar" -> {
                if (req.get("Channel").isPresent() && s.call(req.get("Channel").get()).isEmpty()) {
                    c.send(AmiActions.error(id, "No such channel"));
                } else {
                    c.send(AmiActions.success(id).add("Variable", req.get("Variable").orElse(""))
                            .add("Value", "").build());
                }
            }
            case "queuestatus", "queuesummary", "queueadd", "queuepause", "queueremove" ->
                    QueueActions.handle(name, req, id, c, s);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void originate(AmiMessage req, Optional<String> id, AmiConnection c, AmiServerSimulator s)
            throws IOException {
        s.received(req);
        Optional<String> channel = req.get("Channel");
        if (channel.isEmpty()) {
            c.send(AmiActions.error(id, "Channel not specified"));
            return;
        }
        OriginateOutcome outcome = s.outcomeFor(channel.get());
        Duration delay = Duration.ZERO;
        if (outcome instanceof OriginateOutcome.AnsweredAfter after) {
            Duration timeout = Duration.ofMillis(req.get("Timeout").map(Long::parseLong)
                    .orElse(30_000L));
            boolean answers = after.ringing().compareTo(timeout) <= 0;
            delay = answers ? after.ringing() : timeout;
            outcome = answers ? OriginateOutcome.answered() : new OriginateOutcome.NoAnswer();
        }
        boolean async = req.get("Async").map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
        OriginateEvents.Plan plan = OriginateEvents.plan(req, outcome, s.ids());
        boolean ok = outcome instanceof OriginateOutcome.Answered;
        if (ok) {
            s.register(plan.call(), channel.get());
        }
        if (async || ok) {
            c.send(AmiActions.success(id).add("Message", "Originate successfully queued").build());
        } else {
            c.send(AmiActions.error(id, "Originate failed"));
        }
        if (delay.isZero()) {
            s.publishAll(plan.events());
            return;
        }
        Duration ringing = delay;
        Thread.ofVirtual().name("ami-ringing").start(() -> {
            try {
                Thread.sleep(ringing);
                s.publishAll(plan.events());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void hangup(AmiMessage req, Optional<String> id, AmiConnection c, AmiServerSimulator s)
            throws IOException {
        String channel = req.get("Channel").orElse("");
        Optional<OriginatedCall> call = s.call(channel);
        if (call.isEmpty()) {
            c.send(AmiActions.error(id, "No such channel"));
            return;
        }
        int cause = req.get("Cause").map(Integer::parseInt).orElse(16);
        c.send(AmiActions.success(id).add("Message", "Channel Hungup").build());
        s.hangUp(call.get(), channel, cause);
    }

    static List<AmiMessage> hangupEvents(OriginatedCall call, String channel, int cause) {
        boolean first = call.one().channel().equals(channel);
        ChannelSnapshot hit = first ? call.one() : call.two();
        ChannelSnapshot other = first ? call.two() : call.one();
        return List.of(
                request("SoftHangupRequest", hit, cause),
                request("HangupRequest", other, cause),
                QueueEvents.hangup(hit, cause),
                QueueEvents.hangup(other, cause));
    }

    private static AmiMessage request(String event, ChannelSnapshot ch, int cause) {
        return AmiMessage.builder().add("Event", event).add("Privilege", "call,all").addAll(ch.headers())
                .add("Cause", cause).build();
    }
}
