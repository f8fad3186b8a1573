package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.hotline81890.gateway.supervision.OfferKpis;
import org.hotline81890.gateway.supervision.OfferKpisInMemory;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.kpi.KpiRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wallboard's 响应率 / 解决率 / 满意率 and {@code /api/admin/kpis}' rows, counted by MariaDB
 * ({@link MySqlOfferKpis}) and by definition ({@link OfferKpisInMemory}: every offer loaded through
 * {@link MySqlOfferStore}, the history's survey outcomes through {@link MySqlOfferSurveys}) on the same tables: the
 * same rows, the same counts; each percentile a time some offer took, no lower than the exact nearest rank and at
 * most 1 % above it. The data is drawn from a fixed seed: offers in every state before and after the instant,
 * several completions and survey outcomes of one order (reopened), ties in offer time, answers the history spells
 * otherwise.
 */
class MySqlOfferKpisIT {
    private static final Instant SINCE = Instant.parse("2026-12-04T16:00:00Z");
    private static final String[] STATES = {"OFFERED", "ACCEPTED", "STARTED", "COMPLETED", "COMPLETED", "COMPLETED",
        "DECLINED", "EXPIRED", "EXPIRED", "CANCELLED", "CANCELLED"};
    private static final String[] ANSWERS = {"survey answer: 满意", "survey answer: 基本满意", "survey answer: 不满意",
        "survey answer: 满意", "survey answer: 未回复", "survey answer: 好", "surveyed by phone"};
    private TestDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {15, 81890, 20261205})
    void theDatabasesCountShouldBeTheDefinitions(long seed) throws Exception {
        db = TestDatabase.create();
        Transactions tx = db.database().transactions();
        fill(tx, new Random(seed));
        OfferKpis counted = new MySqlOfferKpis(tx);
        OfferKpis defined = new OfferKpisInMemory(new MySqlOfferStore(tx), new MySqlOfferSurveys(tx));

        for (OfferKpis.By by : OfferKpis.By.values()) {
            List<KpiRow> sql = counted.rows(SINCE, by);
            List<KpiRow> memory = defined.rows(SINCE, by);
            assertThat(memory).as(by + ": the seed gives every group offers").isNotEmpty();
            assertThat(sql).as(by.toString()).hasSameSizeAs(memory);
            for (int i = 0; i < sql.size(); i++) {
                KpiRow s = sql.get(i);
                KpiRow m = memory.get(i);
                assertThat(withoutPercentiles(s)).as(by + " " + m.group()).isEqualTo(withoutPercentiles(m));
                near(by + " " + m.group() + " p50", s.p50(), m.p50());
                near(by + " " + m.group() + " p90", s.p90(), m.p90());
                near(by + " " + m.group() + " p99", s.p99(), m.p99());
            }
        }
        assertThat(counted.rows(SINCE, EnumSet.allOf(OfferKpis.By.class))).as("every grouping from one reading")
                .isEqualTo(Map.of(OfferKpis.By.ALL, counted.rows(SINCE, OfferKpis.By.ALL),
                        OfferKpis.By.CATEGORY, counted.rows(SINCE, OfferKpis.By.CATEGORY),
                        OfferKpis.By.PROVIDER, counted.rows(SINCE, OfferKpis.By.PROVIDER)));
        KpiRow all = counted.rows(SINCE, OfferKpis.By.ALL).getFirst();
        assertThat(all.satisfaction().outOf()).as("the seed pairs answers").isPositive();
        assertThat(all.noReply()).as("the seed pairs no replies").isPositive();
        assertThat(all.resolution().outOf()).isPositive();
    }

    private static KpiRow withoutPercentiles(KpiRow r) {
        return new KpiRow(r.group(), r.offers(), r.response(), r.resolution(), r.satisfaction(), r.noReply(),
                r.overdue(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void near(String what, Optional<Duration> bucketed, Optional<Duration> exact) {
        assertThat(bucketed.isPresent()).as(what).isEqualTo(exact.isPresent());
        if (exact.isPresent()) {
            long e = exact.get().toMillis();
            assertThat(bucketed.get().toMillis()).as(what).isBetween(e, Math.max(e + 1, (long) Math.floor(e * 1.01)));
        }
    }

    /** 120 orders, up to four offers each and up to three survey outcomes each, around {@link #SINCE}. */
    static void fill(Transactions tx, Random r) {
        tx.inTransaction(c -> {
            try (PreparedStatement order = c.prepareStatement("INSERT INTO work_order (id, ticket, idempotency_key, "
                    + "channel, caller_number, request_type, text, service_code, district, priority, state, "
                    + "created_at, updated_at) VALUES (?, ?, ?, 'SMS', '13800000000', 'HELP', '需要帮忙', ?, '海曙区', "
                    + "'NORMAL', 'CLOSED', ?, ?)");
                 PreparedStatement event = c.prepareStatement("INSERT INTO work_order_event (work_order_id, at, "
                    + "actor, channel, from_state, to_state, details) VALUES (?, ?, 'it', 'SYSTEM', NULL, ?, ?)");
                 PreparedStatement offer = c.prepareStatement("INSERT INTO offer (id, work_order, service_code, "
                    + "area, request_kind, emergency, provider_id, kind, state, offered_at, accept_by, answered_at, "
                    + "finished_at, extensions, overdue, version) VALUES (?, ?, ?, '海曙区', 'HELP', FALSE, ?, "
                    + "'ASSIGNMENT', ?, ?, ?, ?, ?, 0, ?, 1)")) {
                String[] categories = {"HK", "UT", "MH", "ER"};
                int offers = 0;
                for (int id = 1; id <= 120; id++) {
                    String service = categories[r.nextInt(categories.length)] + "-0" + (1 + r.nextInt(5));
                    Instant created = SINCE.minus(Duration.ofHours(3)).plusSeconds(r.nextInt(6 * 3600));
                    order.setLong(1, id);
                    order.setString(2, "T" + id);
                    order.setString(3, "it:" + id);
                    order.setString(4, service);
                    Sql.setInstant(order, 5, created);
                    Sql.setInstant(order, 6, created);
                    order.executeUpdate();
                    Instant at = created;
                    List<Instant> ties = new ArrayList<>();
                    for (int k = r.nextInt(5); k > 0; k--) {
                        at = ties.isEmpty() || r.nextInt(4) > 0 ? at.plusMillis(r.nextInt(600_000)) : ties.getLast();
                        ties.add(at);
                        String state = STATES[r.nextInt(STATES.length)];
                        boolean answered = !state.equals("OFFERED") && !state.equals("EXPIRED")
                                && !(state.equals("CANCELLED") && r.nextBoolean());
                        long ms = switch (r.nextInt(4)) {
                            case 0 -> r.nextInt(3);
                            case 1 -> r.nextInt(1_000);
                            case 2 -> 1_000 + r.nextInt(300_000);
                            default -> 300_000 + r.nextInt(7_200_000);
                        };
                        boolean finished = state.equals("COMPLETED") || state.equals("DECLINED")
                                || state.equals("EXPIRED") || (state.equals("CANCELLED") && answered);
                        offer.setString(1, "o-" + (++offers));
                        offer.setString(2, Long.toString(id));
                        offer.setString(3, r.nextInt(8) == 0 ? categories[r.nextInt(4)] + "-09" : service);
                        offer.setString(4, "P-" + (1 + r.nextInt(6)));
                        offer.setString(5, state);
                        Sql.setInstant(offer, 6, at);
                        Sql.setInstant(offer, 7, at.plusSeconds(300));
                        Sql.setInstant(offer, 8, answered ? Optional.of(at.plusMillis(ms)) : Optional.empty());
                        Sql.setInstant(offer, 9, finished ? Optional.of(at.plusMillis(ms + r.nextInt(3) * 1000L))
                                : Optional.empty());
                        offer.setBoolean(10, r.nextInt(10) == 0);
                        offer.executeUpdate();
                    }
                    Instant when = created;
                    for (int k = r.nextInt(4); k > 0; k--) {
                        when = when.plusSeconds(r.nextInt(3600));
                        boolean noReply = r.nextInt(4) == 0;
                        event.setLong(1, id);
                        Sql.setInstant(event, 2, when);
                        event.setString(3, noReply ? "CLOSED" : r.nextInt(10) == 0 ? "REOPENED" : "SURVEYED");
                        event.setString(4, noReply ? (r.nextBoolean() ? "closed: no reply to the satisfaction survey"
                                : "closed by the resident") : ANSWERS[r.nextInt(ANSWERS.length)]);
                        event.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
