package org.hotline81890.gateway.channel.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events that queue while a call record is being written are written together (one transaction): at the peak
 * each event was a commit of its own, waiting for a pooled connection (docs/simulated-day.md, 2026-12-06 02:31 UTC).
 */
class QueueEventRecorderTogetherTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;

    @Test
    void eventsQueuedBehindAWriteShouldBeWrittenTogetherInTheirOrder() throws Exception {
        Batching db = new Batching();
        try (QueueEventRecorder recorder = new QueueEventRecorder(db, Clock.systemUTC(),
                new PendingCallEvents(dir.resolve("p"), 100), Duration.ofHours(1))) {
            recorder.onManagerEvent(join("call-0"));
            assertThat(db.firstStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 5; i++) {
                recorder.onManagerEvent(join("call-" + i));
                recorder.onManagerEvent(hangup("call-" + i));
            }
            db.release.countDown();
            Eventually.waitFor("every event written", WAIT, () -> db.calls.size() == 11);
        }
        assertThat(db.calls).containsExactly("joined call-0 13800000000 hotline", "joined call-1 13800000000 hotline",
                "hungUp call-1", "joined call-2 13800000000 hotline", "hungUp call-2",
                "joined call-3 13800000000 hotline", "hungUp call-3", "joined call-4 13800000000 hotline",
                "hungUp call-4", "joined call-5 13800000000 hotline", "hungUp call-5");
        assertThat(db.units).as("events per unit of work").containsExactly(1, 10);
    }

    @Test
    void aUnitTheDatabaseCannotTakeShouldBeKeptWholeForTheReplay() throws Exception {
        Batching db = new Batching();
        PendingCallEvents pending = new PendingCallEvents(dir.resolve("p"), 100);
        try (QueueEventRecorder recorder = new QueueEventRecorder(db, Clock.systemUTC(), pending,
                Duration.ofHours(1))) {
            recorder.onManagerEvent(join("call-0"));
            assertThat(db.firstStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            recorder.onManagerEvent(join("call-1"));
            recorder.onManagerEvent(hangup("call-1"));
            db.down = true; // for the two behind the first: the first is written
            db.release.countDown();
            Eventually.waitFor("both kept", WAIT, () -> pending.size() == 2);
        }
        assertThat(db.calls).containsExactly("joined call-0 13800000000 hotline");
        assertThat(pending.read()).extracting(PendingCallEvents.Event::kind)
                .containsExactly(PendingCallEvents.Kind.JOINED, PendingCallEvents.Kind.HUNG_UP);
    }

    private static QueueCallerJoinEvent join(String uniqueId) {
        QueueCallerJoinEvent e = new QueueCallerJoinEvent(QueueEventRecorderTogetherTest.class);
        e.setUniqueId(uniqueId);
        e.setCallerIdNum("13800000000");
        e.setQueue("hotline");
        return e;
    }

    private static HangupEvent hangup(String uniqueId) {
        HangupEvent e = new HangupEvent(QueueEventRecorderTogetherTest.class);
        e.setUniqueId(uniqueId);
        return e;
    }

    /** Records the units of work: the first write is held until released; {@code down} refuses the later ones. */
    private static final class Batching extends RecordingCallRecords {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> units = new CopyOnWriteArrayList<>();
        volatile boolean down;
        private int inUnit = -1;

        @Override
        public void together(Runnable writes) {
            inUnit = 0;
            try {
                writes.run();
                units.add(inUnit);
            } finally {
                inUnit = -1;
            }
        }

        @Override
        public void joined(String uniqueId, String callerNumber, String queue, Instant at) {
            hold(uniqueId);
            super.joined(uniqueId, callerNumber, queue, at);
            counted();
        }

        @Override
        public void hungUp(String uniqueId, Instant at) {
            hold(uniqueId);
            super.hungUp(uniqueId, at);
            counted();
        }

        private void hold(String uniqueId) {
            firstStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (down && !uniqueId.equals("call-0")) {
                throw new StorageUnavailableException("database unavailable: test", null);
            }
        }

        private void counted() {
            if (inUnit >= 0) {
                inUnit++;
            } else {
                units.add(1);
            }
        }
    }
}
