package org.hotline81890.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.wiring.VoiceModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
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
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.ami.AmiServerConfig;
import org.hotline81890.simulators.ami.AmiServerSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The satisfaction survey by IVR callback, on real MariaDB, the partner and voice modules and the Asterisk
 * simulator: a work order that came in by phone is completed by its provider; instead of the SMS survey an
 * originate row calls the resident back (confirmed by the simulated AMI), the answer pressed in
 * {@code agi://HOST/survey} closes or reopens the order like the SMS reply, and a callback nobody answers closes it
 * as "no reply" when {@code sla.survey-wait} runs out. An order from the web still gets the SMS survey.
 */
class SurveyCallbackIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static AmiServerSimulator ami;
    private static HotlineApp app;
    private static PartnerModule partners;
    private static VoiceModule voice;
    private static final AgiCallSimulator ASTERISK = new AgiCallSimulator();

    @BeforeAll
    static void start() throws IOException {
        db = TestDatabase.create();
        ami = new AmiServerSimulator(AmiServerConfig.defaults()).start();
        Map<String, String> env = new HashMap<>(Map.ofEntries(
                Map.entry("HOTLINE_HTTP_PORT", "0"), Map.entry("HOTLINE_HTTP_HOST", "127.0.0.1"),
                Map.entry("HOTLINE_DB_URL", db.url()), Map.entry("HOTLINE_DB_USER", TestDatabase.user()),
                Map.entry("HOTLINE_DB_PASSWORD", TestDatabase.password()),
                Map.entry("HOTLINE_HTTP_ADMIN_TOKEN", "survey-it-token-0123"),
                Map.entry("HOTLINE_DATA_DIR", dataDir.toString()),
                Map.entry("HOTLINE_AGI_ENABLED", "true"), Map.entry("HOTLINE_AGI_PORT", "0"),
                Map.entry("HOTLINE_AGI_BIND", "127.0.0.1"), Map.entry("HOTLINE_AGI_ALLOWED_HOSTS", "127.0.0.1"),
                Map.entry("HOTLINE_AMI_ENABLED", "true"), Map.entry("HOTLINE_AMI_PORT", Integer.toString(ami.port())),
                Map.entry("HOTLINE_AMI_USERNAME", "hotline"), Map.entry("HOTLINE_AMI_PASSWORD", "hotline-secret"),
                Map.entry("HOTLINE_AMI_RECONNECT_INITIAL", "50ms"), Map.entry("HOTLINE_AMI_ORIGINATE_TIMEOUT", "5s"),
                Map.entry("HOTLINE_OUTBOX_POLL_INTERVAL", "50ms"), Map.entry("HOTLINE_OUTBOX_BACKOFF_INITIAL", "200ms"),
                Map.entry("HOTLINE_SCHEDULER_POLL_INTERVAL", "50ms"), Map.entry("HOTLINE_SLA_SURVEY_WAIT", "3s"),
                Map.entry("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false"),
                Map.entry("HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms"), Map.entry("HOTLINE_PARTNERS_REMINDER_AT", "0")));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, List.of(
                core -> voice = new VoiceModule(core), core -> partners = new PartnerModule(core)));
        partners.saveProviders(List.of(new Provider(ProviderId.of("S-1"), ProviderKind.PARTNER_COMPANY, "家政公司S1",
                Set.of(ServiceCode.of("HK-01")), Coverage.of("海曙区"), OpeningHours.of("24h"), new Capacity(50),
                new ContactChannels(Optional.empty(), Optional.of(PhoneNumber.of("19905741999")), Optional.empty()),
                ProviderStatus.ACTIVE, new Rating(4.0))));
        Eventually.waitFor("AMI login", WAIT, () -> voice.ami().orElseThrow().isConnected());
    }

    @AfterAll
    static void stop() {
        app.close();
        ami.close();
        db.close();
    }

    @Test
    void aResidentWhoCalledShouldBeCalledBackAndTheirAnswerShouldCloseOrReopenTheOrder() {
        WorkOrder happy = completed("it:ivr:1", Channel.PHONE, "13800005551");
        String callback = "originate:survey:" + happy.id().value() + ":" + happy.version();
        Eventually.waitFor("survey callback originated", WAIT, () -> status(callback)
                .map(s -> s.state().equals("DONE")).orElse(false));
        assertThat(smsSurveys(happy)).as("no SMS survey for a resident who prefers calls").isEmpty();
        AgiCallResult answered = ASTERISK.run("127.0.0.1", voice.agiPort(), AgiCallSpec.builder().script("survey")
                .uniqueId("1795419600.1").callerIdNum("81890")
                .args(List.of(happy.ticket().value(), "13800005551")).build(), CallerScript.pressing("1"));
        assertThat(answered.variable("HOTLINE_SURVEY")).contains("RECORDED");
        assertThat(state(happy)).isEqualTo(WorkOrderState.CLOSED);

        WorkOrder unhappy = completed("it:ivr:2", Channel.PHONE, "13800005552");
        Eventually.waitFor("second callback originated", WAIT, () -> status("originate:survey:"
                + unhappy.id().value() + ":" + unhappy.version()).map(s -> s.state().equals("DONE")).orElse(false));
        ASTERISK.run("127.0.0.1", voice.agiPort(), AgiCallSpec.builder().script("survey").uniqueId("1795419600.2")
                .callerIdNum("81890").args(List.of(unhappy.ticket().value(), "13800005552")).build(),
                CallerScript.pressing("3"));
        assertThat(app.core().store().history(unhappy.id())).extracting(WorkOrderEvent::to)
                .contains(WorkOrderState.SURVEYED, WorkOrderState.REOPENED);
        Eventually.waitFor("the complaint reaches the provider's rating", WAIT,
                () -> partners.provider(ProviderId.of("S-1")).orElseThrow().rating().stars() < 4.0);
    }

    @Test
    void aCallbackNobodyAnswersShouldCloseAsNoReplyAndAWebOrderShouldGetTheSmsSurvey() {
        WorkOrder silent = completed("it:ivr:3", Channel.PHONE, "13800005553");
        AgiCallResult call = ASTERISK.run("127.0.0.1", voice.agiPort(), AgiCallSpec.builder().script("survey")
                .uniqueId("1795419600.3").callerIdNum("81890")
                .args(List.of(silent.ticket().value(), "13800005553")).build(), CallerScript.silent());
        assertThat(call.variable("HOTLINE_SURVEY")).contains("NO_ANSWER");
        Eventually.waitFor("closed as no reply", WAIT, () -> state(silent) == WorkOrderState.CLOSED);
        assertThat(app.core().store().history(silent.id())).last()
                .satisfies(e -> assertThat(e.details()).contains("no reply"));

        WorkOrder web = completed("it:ivr:4", Channel.WEB, "13800005554");
        assertThat(smsSurveys(web)).hasSize(1);
        assertThat(status("originate:survey:" + web.id().value() + ":" + web.version())).isEmpty();
    }

    /** Intake, dispatch to S-1, accept and complete through the partner flow; returns the order as completed. */
    private static WorkOrder completed(String key, Channel channel, String resident) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街2号"));
        IntakeResult r = app.core().intake().receive(new IntakeRequest(key, channel, resident, "想找个钟点工打扫卫生",
                Optional.empty(), Optional.of("HK-01"), Optional.empty(), area, "it", x -> List.of()));
        WorkOrder w = ((IntakeResult.Accepted) r).workOrder();
        app.wakeRelay();
        Eventually.waitFor("offered", WAIT, () -> open(w).isPresent());
        Offer offer = open(w).orElseThrow();
        ProviderId s1 = ProviderId.of("S-1");
        assertThat(partners.flow().accept(s1, offer.id(), Channel.PARTNER)).isInstanceOf(ActionResult.Applied.class);
        assertThat(partners.flow().complete(s1, offer.id(), "打扫完毕", Channel.PARTNER))
                .isInstanceOf(ActionResult.Applied.class);
        app.wakeRelay();
        WorkOrder done = app.core().store().find(w.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(WorkOrderState.COMPLETED);
        return done;
    }

    private static Optional<Offer> open(WorkOrder w) {
        return partners.offers().forWorkOrder(JobFacts.ref(w)).stream()
                .filter(o -> o.state().isOpen()).findFirst();
    }

    private static List<Outbox.OutboxStatus> smsSurveys(WorkOrder w) {
        return partners.offers().forWorkOrder(JobFacts.ref(w)).stream()
                .flatMap(o -> status("resident-survey:" + o.id().value()).stream()).toList();
    }

    private static Optional<Outbox.OutboxStatus> status(String key) {
        return app.core().outbox().status(key);
    }

    private static WorkOrderState state(WorkOrder w) {
        return app.core().store().find(w.id()).orElseThrow().state();
    }
}
