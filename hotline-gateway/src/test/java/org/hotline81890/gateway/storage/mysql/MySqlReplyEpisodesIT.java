package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.sms.ReplyKeys;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reply episodes on MariaDB, judged at each arrival, not when the journal stage gets to it (issue 18): a redelivery
 * acknowledged inside the redelivery window shares the reply even when it is processed after the window closed.
 */
class MySqlReplyEpisodesIT {
    private static final Duration WINDOW = Duration.ofMinutes(2);
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-05T08:00:00Z"));
    private static TestDatabase db;
    private static MySqlReplyEpisodes episodes;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        episodes = new MySqlReplyEpisodes(db.database().transactions(), CLOCK, WINDOW);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String hashKey() {
        return DedupWindow.HASH_PREFIX + UUID.randomUUID();
    }

    @Test
    void aRedeliveryThatArrivedInsideTheWindowSharesTheReplyThoughProcessedAfterIt() {
        String key = hashKey();
        Instant first = CLOCK.instant();
        assertThat(episodes.replyKey(key, first, first)).isEqualTo(ReplyKeys.episodeKey(key, 0));
        // acknowledged 10 s later, then a crash: processed when the journal's lease ran out, 3 minutes on
        Instant redelivered = first.plusSeconds(10);
        CLOCK.set(first.plus(Duration.ofMinutes(3)));
        assertThat(episodes.replyKey(key, redelivered, redelivered)).isEqualTo(ReplyKeys.episodeKey(key, 0));
    }

    @Test
    void theSameTextArrivingAfterTheWindowIsANewEpisodeHoweverLateItIsProcessed() {
        String key = hashKey();
        Instant first = CLOCK.instant();
        assertThat(episodes.replyKey(key, first, first)).isEqualTo(ReplyKeys.episodeKey(key, 0));
        Instant again = first.plus(WINDOW).plusSeconds(30);
        CLOCK.set(again.plusSeconds(40));
        assertThat(episodes.replyKey(key, again, again)).isEqualTo(ReplyKeys.episodeKey(key, 1));
        // a redelivery of that second text, arriving 5 s after it and processed a minute later: still episode 1
        CLOCK.set(again.plusSeconds(100));
        assertThat(episodes.replyKey(key, again.plusSeconds(5), again.plusSeconds(5)))
                .isEqualTo(ReplyKeys.episodeKey(key, 1));
    }
}
