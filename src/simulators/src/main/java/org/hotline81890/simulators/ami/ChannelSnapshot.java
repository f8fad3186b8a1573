package org.hotline81890.simulators.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The channel block Asterisk puts in every channel event ({@code Channel} ... {@code Linkedid}), or with a
 * prefix ({@code Dest}, {@code LocalOne}) in two-channel events.
 */
public record ChannelSnapshot(
        String channel, int state, String callerIdNum, String callerIdName, String connectedLineNum,
        String connectedLineName, String language, String accountCode, String context, String exten, int priority,
        String uniqueId, String linkedId) {

    public static final String UNKNOWN = "<unknown>";

    public ChannelSnapshot {
        for (String s : new String[] {channel, callerIdNum, callerIdName, connectedLineNum, connectedLineName,
                language, accountCode, context, exten, uniqueId, linkedId}) {
            Objects.requireNonNull(s, "ChannelSnapshot field");
        }
    }

    /** A new channel as Newchannel shows it: no caller id yet, priority 1. */
    public static ChannelSnapshot fresh(String channel, int state, String context, String exten, String uniqueId,
            String linkedId) {
        return new ChannelSnapshot(channel, state, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, "en", "", context, exten, 1,
                uniqueId, linkedId);
    }

    /** Asterisk's ast_state2str for the states the simulator uses. */
    public static String stateDesc(int state) {
        return switch (state) {
            case 0 -> "Down";
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            case 7 -> "Busy";
            default -> "Unknown";
        };
    }

    public ChannelSnapshot withState(int s) {
        return new ChannelSnapshot(channel, s, callerIdNum, callerIdName, connectedLineNum, connectedLineName,
                language, accountCode, context, exten, priority, uniqueId, linkedId);
    }

    public ChannelSnapshot withCallerId(String num, String name) {
        return new ChannelSnapshot(channel, state, num, name, connectedLineNum, connectedLineName, language,
                accountCode, context, exten, priority, uniqueId, linkedId);
    }

    public ChannelSnapshot withConnectedLine(String num, String name) {
        return new ChannelSnapshot(channel, state, callerIdNum, callerIdName, num, name, language, accountCode,
                context, exten, priority, uniqueId, linkedId);
    }

    public ChannelSnapshot at(String ctx, String ext, int prio) {
        return new ChannelSnapshot(channel, state, callerIdNum, callerIdName, connectedLineNum, connectedLineName,
                language, accountCode, ctx, ext, prio, uniqueId, linkedId);
    }

    public List<AmiMessage.Header> headers(String prefix) {
        List<AmiMessage.Header> h = new ArrayList<>(14);
        h.add(new AmiMessage.Header(prefix + "Channel", channel));
        h.add(new AmiMessage.Header(prefix + "ChannelState", Integer.toString(state)));
        h.add(new AmiMessage.Header(prefix + "ChannelStateDesc", stateDesc(state)));
        h.add(new AmiMessage.Header(prefix + "CallerIDNum", callerIdNum));
        h.add(new AmiMessage.Header(prefix + "CallerIDName", callerIdName));
        h.add(new AmiMessage.Header(prefix + "ConnectedLineNum", connectedLineNum));
        h.add(new AmiMessage.Header(prefix + "ConnectedLineName", connectedLineName));
        h.add(new AmiMessage.Header(prefix + "Language", language));
        h.add(new AmiMessage.Header(prefix + "AccountCode", accountCode));
        h.add(new AmiMessage.Header(prefix + "Context", context));
        h.add(new AmiMessage.Header(prefix + "Exten", exten));
        h.add(new AmiMessage.Header(prefix + "Priority", Integer.toString(priority)));
        h.add(new AmiMessage.Header(prefix + "Uniqueid", uniqueId));
        h.add(new AmiMessage.Header(prefix + "Linkedid", linkedId));
        return h;
    }

    public List<AmiMessage.Header> headers() {
        return headers("");
    }
}
