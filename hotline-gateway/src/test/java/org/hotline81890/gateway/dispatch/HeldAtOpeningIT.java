package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 home-cleaning requests arrive on a Saturday night (02:00, on a clock the test moves) for three firms opening at
 * 07:00 (capacity 20), 08:00 (60) and 09:00 (200). Each is held for an opening where its firm will have room (oldest
 * first, at most 80 % of a firm's capacity) and offered within 5 minutes of that opening; a request arriving just
 * after the first opening is still offered at once. Before, all 200 waited for the 07:00 firm, which took 20, and the
 * rest were held again for later openings (a held order offered within 5 minutes of its opening: 3.46 % in the
 * simulated day).
 */
class HeldAtOpeningIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final Duration GOAL = Duration.ofMinutes(5);
    private static final int ORDERS = 200;
    private static final Instant SATURDAY_0200 = shanghai("2026-12-05T02:00");
    private static final Pattern OFFERED_AT = Pattern.compile("offered at (\\S+) when");
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static final ManualClock CLOCK = new ManualClock(SATURDAY_0200);

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> env = TestEnv.dispatching(db, dataDir, "it-token-held-at-opening-01");
        // nobody answers here: offers made at 07:00 stay open (and count on their firm) through 09:00
        env.put("HOTLINE_PARTNERS_ACCEPT_TIMEOUT", "3h");
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, CLOCK);
        PartnerModule partners = app.module(PartnerModule.class).orElseThrow();
        partners.saveProviders(List.of(firm("P-SEVEN", "MON-SUN 07:00-22:00", 20, "13900000011"),
                firm("P-EIGHT", "MON-SUN 08:00-20:00", 60, "13900000012"),
                firm("P-NINE", "MON-SUN 09:00-17:00", 200, "13900000013")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        db.close();
    }

    @Test
    void everyOrderHeldOvernightShouldBeOfferedWithinFiveMinutesOfItsOpeningOldestFirst() throws Exception {
        List<Long> orders = new ArrayList<>();
        for (int n = 0; n < ORDERS; n++) {
            long id = intake("it:held-opening:" + n, "1380000" + String.format("%04d", n)).id().value();
            orders.add(id);
            Eventually.waitFor("order " + n + " held", WAIT, () -> heldOnce(id));
            CLOCK.set(SATURDAY_0200.plusSeconds(10L * (n + 1)));
        }
        Map<Long, Instant> opening = firstHolds();
        List<Instant> inIntakeOrder = orders.stream().map(opening::get).toList();
        assertThat(inIntakeOrder).as("oldest first: an earlier request never waits for a later opening")
                .isSortedAccordingTo(Instant::compareTo);

        for (Instant at : inIntakeOrder.stream().distinct().toList()) {
            CLOCK.set(at.plusSeconds(1));
            List<Long> due = orders.stream().filter(id -> opening.get(id).equals(at)).toList();
            Eventually.waitFor("the orders held for " + at + " settled", WAIT, () -> settled(due));
            Map<Long, Instant> offered = firstOffers();
            for (long id : due) {
                assertThat(offered.get(id)).as("order %d, held for %s", id, at).isNotNull()
                        .isBeforeOrEqualTo(at.plus(GOAL));
            }
            if (at.equals(inIntakeOrder.getFirst())) {
                CLOCK.set(at.plus(Duration.ofMinutes(1)));
                long fresh = intake("it:held-opening:fresh", "13811110000").id().value();
                Eventually.waitFor("the new request dispatched", WAIT, () -> state(fresh) != WorkOrderState.MATCHED
                        || firstHolds().containsKey(fresh));
                assertThat(state(fresh)).as("a request after the opening is not starved by the night's")
                        .isEqualTo(WorkOrderState.OFFERED);
            }
        }
        assertThat(Set.copyOf(inIntakeOrder)).as("spread over the three openings")
                .containsExactlyInAnyOrder(shanghai("2026-12-05T07:00"), shanghai("2026-12-05T08:00"),
                        shanghai("2026-12-05T09:00"));
    }

    /** Every order offered, or held a second time (it missed its opening). */
    private static boolean settled(List<Long> due) {
        try {
            Map<Long, Instant> offered = firstOffers();
            Map<Long, Integer> holds = holdCounts();
            return due.stream().allMatch(id -> offered.containsKey(id) || holds.getOrDefault(id, 0) > 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static WorkOrder intake(String key, String caller) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街3号"));
        IntakeResult r = app.core().intake().receive(new IntakeRequest(key, Channel.WEB, caller, "想约个保洁打扫一下",
                Optional.empty(), Optional.of("HK-01"), Optional.of(Priority.NORMAL), area, "it", x -> List.of()));
        app.wakeRelay();
        return ((IntakeResult.Accepted) r).workOrder();
    }

    private static Provider firm(String id, String hours, int capacity, String sms) {
        return new Provider(ProviderId.of(id), ProviderKind.PARTNER_COMPANY, id, Set.of(ServiceCode.of("HK-01")),
                Coverage.of("海曙区"), OpeningHours.of(hours), new Capacity(capacity), new ContactChannels(
                Optional.empty(), Optional.of(PhoneNumber.of(sms)), Optional.empty()), ProviderStatus.ACTIVE,
                new Rating(4.0));
    }

    private static WorkOrderState state(long id) {
        return app.core().store().find(new org.hotline81890.gateway.workorder.WorkOrderId(id)).orElseThrow().state();
    }

    private static boolean heldOnce(long id) {
        return !rows("SELECT work_order_id, details FROM work_order_event WHERE work_order_id = " + id
                + " AND details LIKE 'held (非工作时间)%'").isEmpty();
    }

    /** The opening each held order was first held for, from its history. */
    private static Map<Long, Instant> firstHolds() {
        Map<Long, Instant> out = new HashMap<>();
        for (String[] row : rows("SELECT work_order_id, details FROM work_order_event WHERE details LIKE "
                + "'held (非工作时间)%' ORDER BY id")) {
            Matcher m = OFFERED_AT.matcher(row[1]);
            if (m.find()) {
                out.putIfAbsent(Long.parseLong(row[0]), Instant.parse(m.group(1)));
            }
        }
        return out;
    }

    private static Map<Long, Integer> holdCounts() {
        Map<Long, Integer> out = new HashMap<>();
        for (String[] row : rows("SELECT work_order_id, COUNT(*) FROM work_order_event WHERE details LIKE "
                + "'held (非工作时间)%' GROUP BY work_order_id")) {
            out.put(Long.parseLong(row[0]), Integer.parseInt(row[1]));
        }
        return out;
    }

    private static Map<Long, Instant> firstOffers() {
        Map<Long, Instant> out = new LinkedHashMap<>();
        for (String[] row : rows("SELECT work_order, DATE_FORMAT(MIN(offered_at), '%Y-%m-%dT%H:%i:%s.%fZ') "
                + "FROM offer GROUP BY work_order")) {
            out.put(Long.parseLong(row[0]), Instant.parse(row[1]));
        }
        return out;
    }

    private static List<String[]> rows(String sql) {
        try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String[]> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
