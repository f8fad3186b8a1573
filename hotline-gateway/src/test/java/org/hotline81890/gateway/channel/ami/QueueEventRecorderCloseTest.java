package org.hotline81890.gateway.channel.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.hotline81890.gateway.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutting down: every queue event the recorder accepted is written to the database before {@code close()} returns
 * or kept in the spool for the next start; none is written after the pool has closed (that loses it).
 */
class QueueEventRecorderCloseTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;

    @Test
    void closeShouldKeepWhatTheDatabaseHasNotTakenWhenItsDrainTimeRunsOut() throws Exception {
        SlowDatabase db = new SlowDatabase();
        PendingCallEvents pending = new PendingCallEvents(dir.resolve("call-events.pending"), 100);
        QueueEventRecorder recorder = new QueueEventRecorder(db, Clock.systemUTC(), pending, Duration.ofHours(1),
                Duration.ofMillis(200));
        for (int i = 1; i <= 5; i++) {
            recorder.onManagerEvent(join("call-" + i));
        }
        assertThat(db.firstStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // As HotlineApp does: the pool closes once the recorder's close() has returned.
        Thread closer = Thread.ofVirtual().start(() -> {
            recorder.close();
            db.closed = true;
        });
        // The slow write finishes at some moment during the shutdown; whenever it does, nothing may be lost.
        closer.join(Duration.ofSeconds(1));
        db.release.countDown();
        closer.join(WAIT);
        Eventually.waitFor("every accepted event written, kept or lost", WAIT,
                () -> db.written.get() + db.refused.get() + pending.size() == 5);
        assertThat(db.refused.get()).as("events written after the pool closed").isZero();
        assertThat(db.written.get() + pending.size()).isEqualTo(5);
    }

    @Test
    void anEventAfterCloseShouldBeKeptForTheNextStart() throws Exception {
        SlowDatabase db = new SlowDatabase();
        db.release.countDown();
        PendingCallEvents pending = new PendingCallEvents(dir.resolve("call-events.pending"), 100);
        QueueEventRecorder recorder = new QueueEventRecorder(db, Clock.systemUTC(), pending, Duration.ofHours(1),
                Duration.ofSeconds(5));
        recorder.close();
        db.closed = true;
        recorder.onManagerEvent(join("late-1"));
        assertThat(db.written.get() + db.refused.get()).isZero();
        assertThat(new PendingCallEvents(dir.resolve("call-events.pending"), 100).read())
                .extracting(PendingCallEvents.Event::uniqueId).containsExactly("late-1");
    }

    private static QueueCallerJoinEvent join(String uniqueId) {
        QueueCallerJoinEvent e = new QueueCallerJoinEvent(QueueEventRecorderCloseTest.class);
        e.setUniqueId(uniqueId);
        e.setCallerIdNum("13800000000");
        e.setQueue("hotline");
        return e;
    }

    /** A database whose first write is slow, and that refuses writes once its pool has closed, as Hikari does. */
    private static final class SlowDatabase extends RecordingCallRecords {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        volatile boolean closed;

        @Override
        public void joined(String uniqueId, String callerNumber, String queue, Instant at) {
            if (closed) {
                refused.incrementAndGet();
                throw new IllegalStateException("HikariDataSource (hotline) has been closed.");
            }
            firstStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            written.incrementAndGet();
        }
    }
}
