package org.hotline81890.simulators.ami;

/**
 * The app_queue events a hotline follows, with the fields and order Asterisk 22 sends
 * ({@code ami-queue-call.txt}, {@code ami-queue-abandon.txt}). Feed them to {@link AmiServerSimulator#publish}.
 */
public final class QueueEvents {

    private QueueEvents() {
    }

    private static AmiMessage.Builder agentEvent(String name, ChannelSnapshot caller) {
        return AmiMessage.builder().add("Event", name).add("Privilege", "agent,all").addAll(caller.headers());
    }

    public static AmiMessage callerJoin(ChannelSnapshot caller, String queue, int position, int count) {
        return agentEvent("QueueCallerJoin", caller).add("Queue", queue).add("Position", position)
                .add("Count", count).build();
    }

    public static AmiMessage callerLeave(ChannelSnapshot caller, String queue, int position, int count) {
        return agentEvent("QueueCallerLeave", caller).add("Queue", queue).add("Position", position)
                .add("Count", count).build();
    }

    public static AmiMessage callerAbandon(ChannelSnapshot caller, String queue, int position,
            int originalPosition, long holdTime) {
        return agentEvent("QueueCallerAbandon", caller).add("Queue", queue).add("Position", position)
                .add("OriginalPosition", originalPosition).add("HoldTime", holdTime).build();
    }

    public static AmiMessage agentCalled(ChannelSnapshot caller, ChannelSnapshot agent, String queue,
            String iface, String memberName) {
        return agentEvent("AgentCalled", caller).addAll(agent.headers("Dest")).add("Queue", queue)
                .add("Interface", iface).add("MemberName", memberName).build();
    }

    public static AmiMessage agentConnect(ChannelSnapshot caller, ChannelSnapshot agent, String queue,
            String iface, String memberName, long holdTime, long ringTime) {
        return agentEvent("AgentConnect", caller).addAll(agent.headers("Dest")).add("Queue", queue)
                .add("Interface", iface).add("MemberName", memberName).add("HoldTime", holdTime)
                .add("RingTime", ringTime).build();
    }

    /** @param reason {@code agent} or {@code caller}: who hung up first */
    public static AmiMessage agentComplete(ChannelSnapshot caller, ChannelSnapshot agent, String queue,
            String iface, String memberName, long holdTime, long talkTime, String reason) {
        return agentEvent("AgentComplete", caller).addAll(agent.headers("Dest")).add("Queue", queue)
                .add("Interface", iface).add("MemberName", memberName).add("HoldTime", holdTime)
                .add("TalkTime", talkTime).add("Reason", reason).build();
    }

    /** {@code Hangup} with a Q.850 cause (16 Normal Clearing, 0 Unknown, 17 User busy, 19 No answer). */
    public static AmiMessage hangup(ChannelSnapshot channel, int cause) {
        return AmiMessage.builder().add("Event", "Hangup").add("Privilege", "call,all").addAll(channel.headers())
                .add("Cause", cause).add("Cause-txt", causeText(cause)).build();
    }

    public static String causeText(int cause) {
        return switch (cause) {
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 19 -> "No user responding";
            case 21 -> "Call Rejected";
            default -> "Unknown";
        };
    }
}
