package org.hotline81890.simulators.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One app_queue queue: its counters, members and waiting callers, enough for QueueStatus/QueueSummary. */
public final class QueueState {

    /** A caller waiting in the queue. */
    public record Entry(ChannelSnapshot caller, long joinedAt, int priority) {
        public Entry {
            Objects.requireNonNull(caller, "caller");
        }
    }

    private final String name;
    private final String strategy;
    private final List<QueueMemberState> members = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private long holdTime;
    private long talkTime;
    private int completed;
    private int abandoned;

    public QueueState(String name, String strategy) {
        this.name = Objects.requireNonNull(name, "name");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    public String name() {
        return name;
    }

    /** Sets the running counters (e.g. to match a capture taken after earlier calls). */
    public synchronized QueueState counters(long holdTimeSec, long talkTimeSec, int completedCalls,
            int abandonedCalls) {
        holdTime = holdTimeSec;
        talkTime = talkTimeSec;
        completed = completedCalls;
        abandoned = abandonedCalls;
        return this;
    }

    public synchronized QueueState member(QueueMemberState m) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).location().equals(m.location())) {
                members.set(i, m);
                return this;
            }
        }
        members.add(m);
        return this;
    }

    public synchronized Optional<QueueMemberState> findMember(String location) {
        return members.stream().filter(m -> m.location().equals(location)).findFirst();
    }

    synchronized boolean removeMember(String location) {
        return members.removeIf(m -> m.location().equals(location));
    }

    public synchronized void join(ChannelSnapshot caller, long now) {
        entries.add(new Entry(caller, now, 0));
    }

    /** Removes a waiting caller by channel name; counts an abandon when asked. */
    public synchronized Optional<Entry> leave(String channel, boolean abandon) {
        Optional<Entry> e = entries.stream().filter(x -> x.caller().channel().equals(channel)).findFirst();
        e.ifPresent(x -> {
            entries.remove(x);
            if (abandon) {
                abandoned++;
            }
        });
        return e;
    }

    synchronized List<AmiMessage> status(Optional<String> actionId, Optional<String> memberFilter, long now) {
        List<AmiMessage> out = new ArrayList<>();
        out.add(AmiMessage.builder().add("Event", "QueueParams").add("Queue", name).add("Max", 0)
                .add("Strategy", strategy).add("Calls", entries.size()).add("Holdtime", holdTime)
                .add("TalkTime", talkTime).add("Completed", completed).add("Abandoned", abandoned)
                .add("ServiceLevel", 0).add("ServicelevelPerf", perf(completed, completed))
                .add("ServicelevelPerf2", perf(completed, completed + abandoned))
                .add("Weight", 0).actionId(actionId).build());
        for (QueueMemberState m : members) {
            if (memberFilter.isEmpty() || memberFilter.get().equals(m.location())) {
                out.add(m.statusHeaders(name).actionId(actionId).build());
            }
        }
        int position = 1;
        for (Entry e : entries) {
            ChannelSnapshot c = e.caller();
            out.add(AmiMessage.builder().add("Event", "QueueEntry").add("Queue", name).add("Position", position++)
                    .add("Channel", c.channel()).add("Uniqueid", c.uniqueId()).add("CallerIDNum", c.callerIdNum())
                    .add("CallerIDName", c.callerIdName()).add("ConnectedLineNum", c.connectedLineNum())
                    .add("ConnectedLineName", c.connectedLineName()).add("Wait", now - e.joinedAt())
                    .add("Priority", e.priority()).actionId(actionId).build());
        }
        return out;
    }

    /**
     * app_queue's service-level percentages. With {@code servicelevel=0} every completed call counts as within the
     * level and no abandoned one does, so Perf = completed/completed and Perf2 = completed/(completed+abandoned).
     */
    private static String perf(int within, int total) {
        return String.format(java.util.Locale.ROOT, "%.1f", total > 0 ? 100.0 * within / total : 0.0);
    }

    synchronized AmiMessage summary(Optional<String> actionId, long now) {
        long available = members.stream().filter(m -> !m.paused() && m.status() == 1).count();
        long longest = entries.stream().mapToLong(e -> now - e.joinedAt()).max().orElse(0);
        return AmiMessage.builder().add("Event", "QueueSummary").add("Queue", name).add("LoggedIn", members.size())
                .add("Available", available).add("Callers", entries.size()).add("HoldTime", holdTime)
                .add("TalkTime", talkTime).add("LongestHoldTime", longest).actionId(actionId).build();
    }
}
