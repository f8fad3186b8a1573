package org.hotline81890.gateway.channel.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline81890.gateway.voice.CallRecords;

/** Our CallRecords port as a log of the calls the recorder made (the MySQL adapter has its own tests). */
class RecordingCallRecords implements CallRecords {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void joined(String uniqueId, String callerNumber, String queue, Instant at) {
        calls.add("joined " + uniqueId + " " + callerNumber + " " + queue);
    }

    @Override
    public void agentCalled(String uniqueId, Instant at) {
        calls.add("agentCalled " + uniqueId);
    }

    @Override
    public void answered(String uniqueId, String agent, long holdSeconds, Instant at) {
        calls.add("answered " + uniqueId + " " + agent + " " + holdSeconds);
    }

    @Override
    public void completed(String uniqueId, long talkSeconds, Instant at) {
        calls.add("completed " + uniqueId + " " + talkSeconds);
    }

    @Override
    public void abandoned(String uniqueId, long holdSeconds, Instant at) {
        calls.add("abandoned " + uniqueId + " " + holdSeconds);
    }

    @Override
    public void hungUp(String uniqueId, Instant at) {
        calls.add("hungUp " + uniqueId);
    }

    @Override
    public CallKpis kpis(Instant from, Instant to, Duration answeredWithin) {
        throw new UnsupportedOperationException("not read by the recorder");
    }

    @Override
    public CallTimes times(Instant from, Instant to) {
        throw new UnsupportedOperationException("not read by the recorder");
    }
}
