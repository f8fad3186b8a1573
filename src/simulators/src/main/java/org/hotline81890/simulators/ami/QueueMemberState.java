package org.hotline81890.simulators.ami;

import java.util.Objects;

/** One queue member as QueueStatus shows it ({@code QueueMember} event). */
public record QueueMemberState(
        String name, String location, String membership, int penalty, int callsTaken, long lastCall,
        long lastPause, long loginTime, int inCall, int status, boolean paused, String pausedReason) {

    public QueueMemberState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(pausedReason, "pausedReason");
    }

    /** A static member from queues.conf, idle and not paused (device state 1 = not in use). */
    public static QueueMemberState staticMember(String name, String location, long loginTime) {
        return new QueueMemberState(name, location, "static", 0, 0, 0, 0, loginTime, 0, 1, false, "");
    }

    QueueMemberState paused(boolean p, String reason, long now) {
        return new QueueMemberState(name, location, membership, penalty, callsTaken, lastCall,
                p ? now : lastPause, loginTime, inCall, status, p, p ? reason : "");
    }

    AmiMessage.Builder statusHeaders(String queue) {
        return AmiMessage.builder().add("Event", "QueueMember").add("Queue", queue).add("Name", name)
                .add("Location", location).add("StateInterface", location).add("Membership", membership)
                .add("Penalty", penalty).add("CallsTaken", callsTaken).add("LastCall", lastCall)
                .add("LastPause", lastPause).add("LoginTime", loginTime).add("InCall", inCall)
                .add("Status", status).add("Paused", paused ? 1 : 0).add("PausedReason", pausedReason)
                .add("Wrapuptime", 0);
    }
}
