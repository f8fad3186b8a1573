package org.hotline81890.gateway.channel.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
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
import org.hotline81890.partners.offer.Offer;

/**
 * The whole hotline for the supervisor desk's tests, with three providers of its own: two house-keeping companies
 * (P-HS serves 海曙区, P-JB 江北区) and a water department (DEP-W, 海曙区), each with an SMS number. An order for
 * 鄞州区 finds nobody and escalates (督办).
 */
final class SupervisorFixture implements AutoCloseable {
    static final String HS_PHONE = "19905740011";
    static final String JB_PHONE = "19905740012";
    static final String DEPT_PHONE = "19905740013";
    static final Duration WAIT = Duration.ofSeconds(20);
    final WebTestApp web;
    final PartnerModule partners;

    SupervisorFixture(Path dataDir) {
        web = WebTestApp.start(dataDir, Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false",
                "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms", "HOTLINE_OUTBOX_POLL_INTERVAL", "50ms",
                "HOTLINE_SCHEDULER_POLL_INTERVAL", "50ms"));
        partners = web.app().module(PartnerModule.class).orElseThrow();
        partners.saveProviders(List.of(
                provider("P-HS", ProviderKind.PARTNER_COMPANY, "海曙家政服务社", "HK-01", "海曙区", HS_PHONE),
                provider("P-JB", ProviderKind.PARTNER_COMPANY, "江北家政公司", "HK-01", "江北区", JB_PHONE),
                provider("DEP-W", ProviderKind.DEPARTMENT, "海曙区水务服务中心", "UT-01", "海曙区", DEPT_PHONE)));
    }

    private static Provider provider(String id, ProviderKind kind, String name, String service, String district,
                                     String sms) {
        return new Provider(ProviderId.of(id), kind, name, Set.of(ServiceCode.of(service)), Coverage.of(district),
                OpeningHours.of("24h"), new Capacity(100), new ContactChannels(Optional.empty(),
                Optional.of(PhoneNumber.of(sms)), Optional.empty()), ProviderStatus.ACTIVE, new Rating(4.0));
    }

    /** A house-keeping order in 鄞州区, which no provider covers: escalated (督办). */
    WorkOrder escalated(String key) {
        WorkOrder w = intake(key, "HK-01", "鄞州区", "家里需要保洁，老人行动不便");
        Eventually.waitFor("escalated", WAIT, () -> state(w) == WorkOrderState.ESCALATED);
        return w;
    }

    /** A water order in 海曙区: transferred to DEP-W, which signs for it. */
    Offer acceptedTransfer(WorkOrder w) {
        Offer t = Eventually.waitForValue("the transfer", WAIT, () -> partners.offers().forWorkOrder(
                new org.hotline81890.partners.offer.WorkOrderRef(Long.toString(w.id().value()))).stream()
                .findFirst());
        partners.flow().accept(ProviderId.of("DEP-W"), t.id(), Channel.PARTNER);
        return partners.offers().find(t.id()).orElseThrow();
    }

    WorkOrder intake(String key, String service, String district, String text) {
        Area area = new Area(Optional.of(district), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("某路1号"));
        IntakeResult r = web.app().core().intake().receive(new IntakeRequest(key, Channel.WEB, "13800007777",
                text, Optional.empty(), Optional.of(service), Optional.empty(), area, "it", x -> List.of()));
        return ((IntakeResult.Accepted) r).workOrder();
    }

    WorkOrderState state(WorkOrder w) {
        return web.app().core().store().find(w.id()).orElseThrow().state();
    }

    /** The SMS texts the outbox holds for that number, oldest first. */
    List<String> smsTo(String number) {
        try (Connection c = DriverManager.getConnection(web.db().url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox WHERE kind = 'sms' AND "
                     + "destination = ? ORDER BY id")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        web.close();
    }
}
