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

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.sms.DedupWindowContract;
import org.hotline81890.gateway.sms.RepeatAfterWindow;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore.PendingCreate;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore.Created;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dedup window of hash idempotency keys (episode 0 from what is stored, V5/V9 sms_key_episode) on MariaDB. */
class MySqlSmsKeyEpisodesIT implements DedupWindowContract {
    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static MySqlSmsKeyEpisodes episodesAt(Instant t) {
        return new MySqlSmsKeyEpisodes(db.database().transactions(), Clock.fixed(t, ZoneOffset.UTC),
                new RepeatAfterWindow(WINDOW));
    }

    /** Stores the order the SMS group commit would store at {@code t} for {@code keys}. */
    private static List<Created> storeAt(Instant t, String... keys) {
        MySqlWorkOrderStore store = new MySqlWorkOrderStore(db.database().transactions(),
                Clock.fixed(t, ZoneOffset.UTC), new SecureRandom());
        return episodesAt(t).createAll(store, List.of(keys).stream().map(k -> pending(k, t)).toList());
    }

    private static String hashKey() {
        return "sms:" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public DedupWindow at(Instant now) {
        return episodesAt(now);
    }

    @Override
    public void storedAt(Instant at, String key) {
        storeAt(at, key);
    }

    @Test
    void aKeyWithNothingStoredWritesNoEpisodeRow() throws Exception {
        String key = hashKey();
        assertThat(at(T0).current(key)).isEqualTo(key);
        assertThat(at(T0.plus(Duration.ofDays(5))).current(key)).isEqualTo(key);
        storeAt(T0.plus(Duration.ofDays(5)), key);
        assertThat(episodeRows(key)).isZero();
    }

    @Test
    void aBatchWithARepeatAmongNewKeysStoresEachOnceAndWritesOneEpisodeRow() throws Exception {
        String repeated = hashKey();
        Created first = storeAt(T0, repeated).get(0);
        String a = hashKey();
        String b = hashKey();
        List<Created> batch = storeAt(T0.plus(Duration.ofDays(2)), a, repeated, b, repeated);
        assertThat(batch.subList(0, 3)).allMatch(Created::fresh);
        assertThat(batch.get(1).workOrder().idempotencyKey()).isEqualTo(repeated + "#1");
        assertThat(batch.get(1).workOrder().id()).isNotEqualTo(first.workOrder().id());
        assertThat(batch.get(3).fresh()).isFalse();
        assertThat(batch.get(3).workOrder().id()).isEqualTo(batch.get(1).workOrder().id());
        assertThat(batch.get(0).workOrder().idempotencyKey()).isEqualTo(a);
        assertThat(episodeRows(a) + episodeRows(b)).isZero();
        assertThat(episodeRows(repeated)).isOne();
    }

    @Test
    void aNoteOverTheRateLimitCountsAsTheKeysFirstEpisode() {
        String key = hashKey();
        Created order = storeAt(T0, hashKey()).get(0);
        new MySqlSmsStore(db.database().transactions(), Clock.fixed(T0, ZoneOffset.UTC))
                .attach(key, order.workOrder().id(), "8613800005555", "又是路灯");
        assertThat(at(T0.plus(Duration.ofHours(1))).current(key)).isEqualTo(key);
        assertThat(at(T0.plus(Duration.ofDays(2))).current(key)).isEqualTo(key + "#1");
    }

    @Test
    void concurrentArrivalsAfterTheWindowAgreeOnOneEpisode() throws Exception {
        String key = hashKey();
        storeAt(T0, key);
        Instant later = T0.plus(Duration.ofDays(2));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return episodesAt(later).current(List.of(key, hashKey())).get(key);
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
        String key = hashKey();
        Created first = storeAt(T0, key).get(0);
        Created redelivered = storeAt(T0.plusSeconds(90), key).get(0);
        Instant later = T0.plus(Duration.ofDays(3));
        List<Created> repeats = storeAt(later, key, key);
        Created repeatAgain = storeAt(later.plusSeconds(60), key).get(0);
        assertThat(first.fresh()).isTrue();
        assertThat(redelivered.fresh()).isFalse();
        assertThat(redelivered.workOrder().id()).isEqualTo(first.workOrder().id());
        assertThat(repeats.get(0).fresh()).isTrue();
        assertThat(repeats.get(1).fresh()).isFalse();
        assertThat(repeats.get(1).workOrder().id()).isEqualTo(repeats.get(0).workOrder().id());
        assertThat(repeats.get(0).workOrder().id()).isNotEqualTo(first.workOrder().id());
        assertThat(repeats.get(0).workOrder().idempotencyKey()).isEqualTo(key + "#1");
        assertThat(repeatAgain.fresh()).isFalse();
        assertThat(repeatAgain.workOrder().id()).isEqualTo(repeats.get(0).workOrder().id());
    }

    private static int episodeRows(String key) throws Exception {
        try (var c = db.database().dataSource().getConnection();
             var ps = c.prepareStatement("SELECT COUNT(*) FROM sms_key_episode WHERE hash_key=?")) {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static PendingCreate pending(String key, Instant at) {
        Instant due = at.plusSeconds(600);
        NewWorkOrder o = new NewWorkOrder(key, Channel.SMS, "8613800005555", RequestType.HELP, "路灯坏了",
                Optional.of("S001"), Area.UNKNOWN, Priority.NORMAL, new Deadlines(Optional.of(due), Optional.of(due),
                Optional.empty()), WorkOrderState.MATCHED);
        return new PendingCreate(o, List.of(new EventDraft("sms", Channel.SMS, WorkOrderState.RECEIVED, "in")),
                w -> List.of());
    }
}
