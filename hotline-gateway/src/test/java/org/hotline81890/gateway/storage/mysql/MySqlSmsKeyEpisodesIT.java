package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.channel.smpp.DedupWindow;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore.PendingCreate;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestType;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore.Created;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dedup window of hash idempotency keys (V5 sms_key_episode) on real MariaDB. */
class MySqlSmsKeyEpisodesIT {
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
    private static TestDatabase db;
    /** The same schema through a pool like the SMS committers' (allowMultiQueries: upsert and read in one trip). */
    private static Database multi;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        String url = db.url();
        multi = Database.open(url + (url.contains("?") ? "&" : "?") + "allowMultiQueries=true", TestDatabase.user(),
                TestDatabase.password(), 4, 5000, Optional.empty());
    }

    @AfterAll
    static void stop() {
        multi.close();
        db.close();
    }

    /** Alternates the two pools so every test goes through both code paths. */
    private static final AtomicInteger CALLS = new AtomicInteger();

    private static MySqlSmsKeyEpisodes at(Instant t) {
        Database d = CALLS.getAndIncrement() % 2 == 0 ? db.database() : multi;
        return new MySqlSmsKeyEpisodes(d.transactions(), Clock.fixed(t, ZoneOffset.UTC), WINDOW);
    }

    @Test
    void bothPathsAreExercised() throws Exception {
        try (var c = multi.dataSource().getConnection(); var plain = db.database().dataSource().getConnection()) {
            assertThat(MultiRowInsert.allowsMultiQueries(c)).isTrue();
            assertThat(MultiRowInsert.allowsMultiQueries(plain)).isFalse();
        }
    }

    private static String hashKey() {
        return "sms:" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void redeliveryWithinTheWindowKeepsTheKeyAndARepeatAfterItStartsANewEpisode() {
        String key = hashKey();
        assertThat(at(T0).current(key)).isEqualTo(key);
        assertThat(at(T0.plus(Duration.ofMinutes(10))).current(key)).isEqualTo(key);
        assertThat(at(T0.plus(Duration.ofHours(23))).current(key)).isEqualTo(key);
        Instant later = T0.plus(Duration.ofHours(25));
        assertThat(at(later).current(key)).isEqualTo(key + "#1");
        assertThat(at(later.plus(Duration.ofMinutes(5))).current(key)).isEqualTo(key + "#1");
        assertThat(at(later.plus(Duration.ofDays(3))).current(key)).isEqualTo(key + "#2");
    }

    @Test
    void smscMessageIdKeysAreNotWindowed() {
        String key = "smsc:smsc:" + UUID.randomUUID();
        assertThat(at(T0).current(key)).isEqualTo(key);
        assertThat(at(T0.plus(Duration.ofDays(9))).current(key)).isEqualTo(key);
    }

    @Test
    void concurrentArrivalsAfterTheWindowAgreeOnOneEpisode() throws Exception {
        String key = hashKey();
        at(T0).current(key);
        Instant later = T0.plus(Duration.ofDays(2));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return at(later).current(List.of(key, hashKey())).get(key);
                }));
            }
            go.countDown();
            Set<String> seen = new HashSet<>();
            for (Future<String> f : answers) {
                seen.add(f.get());
            }
            assertThat(seen).containsExactly(key + "#1");
        }
    }

    @Test
    void theSameTextDaysLaterIsANewOrderAndItsRedeliveryIsThatOrder() {
        MySqlWorkOrderStore store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(),
                new SecureRandom());
        String key = hashKey();
        Created first = store.createAll(DedupWindow.rekey(at(T0), List.of(pending(key)))).get(0);
        Created redelivered = store.createAll(DedupWindow.rekey(at(T0.plusSeconds(90)), List.of(pending(key))))
                .get(0);
        Instant later = T0.plus(Duration.ofDays(3));
        Created repeat = store.createAll(DedupWindow.rekey(at(later), List.of(pending(key), pending(key)))).get(0);
        Created repeatAgain = store.createAll(DedupWindow.rekey(at(later.plusSeconds(60)), List.of(pending(key))))
                .get(0);
        assertThat(first.fresh()).isTrue();
        assertThat(redelivered.fresh()).isFalse();
        assertThat(redelivered.workOrder().id()).isEqualTo(first.workOrder().id());
        assertThat(repeat.fresh()).isTrue();
        assertThat(repeat.workOrder().id()).isNotEqualTo(first.workOrder().id());
        assertThat(repeat.workOrder().idempotencyKey()).isEqualTo(key + "#1");
        assertThat(repeatAgain.fresh()).isFalse();
        assertThat(repeatAgain.workOrder().id()).isEqualTo(repeat.workOrder().id());
    }

    private static PendingCreate pending(String key) {
        Instant due = Instant.now().plusSeconds(600);
        NewWorkOrder o = new NewWorkOrder(key, Channel.SMS, "8613800005555", RequestType.HELP, "路灯坏了",
                Optional.of("S001"), Area.UNKNOWN, Priority.NORMAL, new Deadlines(Optional.of(due), Optional.of(due),
                Optional.empty()), WorkOrderState.MATCHED);
        return new PendingCreate(o, List.of(new EventDraft("sms", Channel.SMS, WorkOrderState.RECEIVED, "in")),
                w -> List.of());
    }
}
