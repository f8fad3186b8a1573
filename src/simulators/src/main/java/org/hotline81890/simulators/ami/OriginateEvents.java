package org.hotline81890.simulators.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events Asterisk 22 emits for an async Originate of {@code Local/exten@context}, in the captured order
 * ({@code ami-originate.txt}). The target's own dialplan steps (its Newexten/VarSet lines) are not simulated.
 */
final class OriginateEvents {

    private final List<AmiMessage> events = new ArrayList<>();

    private OriginateEvents() {
    }

    record Plan(OriginatedCall call, List<AmiMessage> events) {
    }

    static Plan plan(AmiMessage req, OriginateOutcome outcome, ChannelIds ids) {
        String target = req.get("Channel").orElseThrow();
        String dial = target.contains("/") ? target.substring(target.indexOf('/') + 1) : target;
        String exten = dial.contains("@") ? dial.substring(0, dial.indexOf('@')) : dial;
        String ctx = dial.contains("@") ? dial.substring(dial.indexOf('@') + 1) : "default";
        String base = target + ids.nextLocalSuffix();
        String u1 = ids.nextUniqueId();
        String u2 = ids.nextUniqueId();
        ChannelSnapshot one = ChannelSnapshot.fresh(base + ";1", 0, ctx, exten, u1, u1);
        ChannelSnapshot two = ChannelSnapshot.fresh(base + ";2", 4, ctx, exten, u2, u1);
        OriginateEvents e = new OriginateEvents();
        e.channel("Newchannel", one, List.of());
        e.channel("Newchannel", two, List.of());
        e.dialplan(one, "AppDial2", "(Outgoing Line)");
        List<String[]> vars = req.getAll("Variable").stream().map(v -> v.split("=", 2)).toList();
        for (String[] v : vars) {
            e.varSet(one, v);
        }
        Optional<String[]> cid = req.get("CallerID").map(OriginateEvents::parseCallerId);
        if (cid.isPresent()) {
            one = one.withCallerId(cid.get()[0], cid.get()[1]);
            e.newCallerId(one);
            one = one.withConnectedLine(cid.get()[0], cid.get()[1]);
            e.channel("NewConnectedLine", one, List.of());
        }
        for (String[] v : vars) {
            e.varSet(two, v);
        }
        if (cid.isPresent()) {
            two = two.withCallerId(cid.get()[0], cid.get()[1]).withConnectedLine(cid.get()[0], cid.get()[1]);
            e.newCallerId(two);
            e.channel("NewConnectedLine", two, List.of());
        }
        String actionId = req.get("ActionID").orElse("");
        if (outcome instanceof OriginateOutcome.Failed) {
            e.events.add(QueueEvents.hangup(two, 0));
            e.events.add(e.response(req, target, outcome, "<unknown>", cid));
            e.events.add(QueueEvents.hangup(one, 0));
            return new Plan(new OriginatedCall(actionId, one, two, outcome), e.events);
        }
        e.localBridge(one, two);
        e.events.add(AmiMessage.builder().add("Event", "DialBegin").add("Privilege", "call,all")
                .addAll(one.headers("Dest")).add("DialString", dial).build());
        if (!(outcome instanceof OriginateOutcome.Answered a)) {
            String status = outcome instanceof OriginateOutcome.Busy ? "BUSY" : "NOANSWER";
            e.events.add(AmiMessage.builder().add("Event", "DialEnd").add("Privilege", "call,all")
                    .addAll(one.headers("Dest")).add("DialStatus", status).build());
            e.events.add(QueueEvents.hangup(two, outcome instanceof OriginateOutcome.Busy ? 17 : 19));
            e.events.add(QueueEvents.hangup(one, outcome instanceof OriginateOutcome.Busy ? 17 : 19));
            e.events.add(e.response(req, target, outcome, "<unknown>", cid));
            return new Plan(new OriginatedCall(actionId, one, two, outcome), e.events);
        }
        two = two.withState(6).at(ctx, exten, a.answerPriority());
        e.channel("Newstate", two, List.of());
        AmiMessage response = e.response(req, one.channel(), outcome, one.uniqueId(), cid);
        boolean application = req.get("Application").isPresent();
        if (!application) {
            e.events.add(response);
        }
        one = one.withState(6);
        e.channel("Newstate", one, List.of());
        e.events.add(AmiMessage.builder().add("Event", "DialEnd").add("Privilege", "call,all")
                .addAll(one.headers("Dest")).add("DialStatus", "ANSWER").build());
        if (application) {
            e.events.add(response);
        }
        return new Plan(new OriginatedCall(actionId, one, two, outcome), e.events);
    }

    private void channel(String event, ChannelSnapshot ch, List<AmiMessage.Header> extra) {
        events.add(AmiMessage.builder().add("Event", event).add("Privilege", "call,all").addAll(ch.headers())
                .addAll(extra).build());
    }

    private void newCallerId(ChannelSnapshot ch) {
        channel("NewCallerid", ch, List.of(
                new AmiMessage.Header("CID-CallingPres", "0 (Presentation Allowed, Not Screened)")));
    }

    private void dialplan(ChannelSnapshot ch, String app, String data) {
        events.add(AmiMessage.builder().add("Event", "Newexten").add("Privilege", "dialplan,all")
                .addAll(ch.headers()).add("Extension", ch.exten()).add("Application", app).add("AppData", data)
                .build());
    }

    private void varSet(ChannelSnapshot ch, String[] v) {
        events.add(AmiMessage.builder().add("Event", "VarSet").add("Privilege", "dialplan,all")
                .addAll(ch.headers()).add("Variable", v[0]).add("Value", v.length > 1 ? v[1] : "").build());
    }

    private void localBridge(ChannelSnapshot one, ChannelSnapshot two) {
        events.add(AmiMessage.builder().add("Event", "LocalBridge").add("Privilege", "call,all")
                .addAll(one.headers("LocalOne")).addAll(two.headers("LocalTwo")).add("Context", one.context())
                .add("Exten", one.exten()).add("LocalOptimization", "Yes").build());
    }

    private AmiMessage response(AmiMessage req, String channel, OriginateOutcome outcome, String uniqueId,
            Optional<String[]> cid) {
        AmiMessage.Builder b = AmiMessage.builder().add("Event", "OriginateResponse").add("Privilege", "call,all")
                .actionId(req.get("ActionID"))
                .add("Response", outcome instanceof OriginateOutcome.Answered ? "Success" : "Failure")
                .add("Channel", channel);
        if (req.get("Application").isPresent()) {
            b.add("Application", req.get("Application").get()).add("Data", req.get("Data").orElse(""));
        } else {
            b.add("Context", req.get("Context").orElse("")).add("Exten", req.get("Exten").orElse(""));
        }
        b.add("Reason", outcome.reason()).add("Uniqueid", uniqueId);
        b.add("CallerIDNum", cid.map(c -> c[0]).orElse(ChannelSnapshot.UNKNOWN))
                .add("CallerIDName", cid.map(c -> c[1]).orElse(ChannelSnapshot.UNKNOWN));
        return b.build();
    }

    /** {@code "Zhang San" <13800001111>} or a bare number, as {num, name}. */
    static String[] parseCallerId(String cid) {
        int lt = cid.lastIndexOf('<');
        if (lt < 0) {
            return new String[] {cid.trim(), ChannelSnapshot.UNKNOWN};
        }
        String num = cid.substring(lt + 1, cid.indexOf('>', lt));
        String name = cid.substring(0, lt).trim().replaceAll("^\"|\"$", "");
        return new String[] {num, name.isEmpty() ? ChannelSnapshot.UNKNOWN : name};
    }
}
