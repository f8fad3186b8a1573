package org.hotline81890.gateway.channel.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.channel.smpp.SmsGateway;
import org.hotline81890.gateway.channel.smpp.SmscProcess;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * The hotline with SMS through the independent node SMSC ({@link SmsGateway}) and one agent:
 * what the tests of the desk's SMS inbox start. {@link #completed} takes a resident's order to COMPLETED, its survey
 * asked, as a provider's 完成 would.
 */
final class SmsDeskFixture implements AutoCloseable {
    static final Duration WAIT = SmsGateway.WAIT;
    final SmsGateway sms;
    final TestDatabase db;
    final SmscProcess smsc;
    final HotlineApp app;

    private SmsDeskFixture(SmsGateway sms) {
        this.sms = sms;
        this.db = sms.db();
        this.smsc = sms.smsc();
        this.app = sms.app();
    }

    static SmsDeskFixture start(Path dataDir, String agent, String extension) throws Exception {
        SmsGateway sms = SmsGateway.start(dataDir, "it-token-sms-desk-" + agent + "-0123456789", Map.of());
        SmsDeskFixture desk = new SmsDeskFixture(sms);
        WebTestApp.person(desk.db, agent, Role.AGENT, agent, Optional.of(extension));
        return desk;
    }

    static String password(String agent) {
        return WebTestApp.password(agent);
    }

    /** A UCS-2 text from {@code phone} to the hotline. */
    void deliver(String phone, String text) {
        sms.deliver(phone, text, 0);
    }

    /** An order of {@code phone}'s by SMS (a burst pipe, RP-01), taken to COMPLETED: its survey asked. */
    WorkOrder completed(String phone) {
        IntakeRequest request = IntakeRequest.of("it-desk-" + UUID.randomUUID(), Channel.SMS, phone,
                "楼道里的水管爆了，一直在漏水").withHints(Optional.empty(), Optional.of("RP-01"), Optional.empty());
        WorkOrder w = ((IntakeResult.Accepted) app.core().intake().receive(request)).workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            app.core().tracker().move(w.id(), s, "it", Channel.SYSTEM, "it: " + s, x -> List.of());
        }
        return app.core().store().find(w.id()).orElseThrow();
    }

    @Override
    public void close() {
        sms.close();
    }
}
