package org.hotline81890.gateway.wiring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.vertx.ext.web.Router;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline81890.directory.ivr.IvrMenu;
import org.hotline81890.directory.ivr.IvrSettings;
import org.hotline81890.gateway.callback.Callbacks;
import org.hotline81890.gateway.channel.agi.AfterHours;
import org.hotline81890.gateway.channel.agi.AllowedHosts;
import org.hotline81890.gateway.channel.agi.CallbackScript;
import org.hotline81890.gateway.channel.agi.CallRouting;
import org.hotline81890.gateway.channel.agi.FastAgiServer;
import org.hotline81890.gateway.channel.agi.IntakeLanes;
import org.hotline81890.gateway.channel.agi.IntakeScript;
import org.hotline81890.gateway.channel.agi.MenuStep;
import org.hotline81890.gateway.channel.agi.OpeningHours;
import org.hotline81890.gateway.channel.agi.ScriptMapping;
import org.hotline81890.gateway.channel.agi.StatusScript;
import org.hotline81890.gateway.channel.agi.SurveyScript;
import org.hotline81890.gateway.channel.agi.TerminalCsv;
import org.hotline81890.gateway.channel.ami.CallKpiRoutes;
import org.hotline81890.gateway.channel.ami.ClickToCallRoutes;
import org.hotline81890.gateway.channel.http.HealthCheck;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.storage.mysql.MySqlCallRecords;
import org.hotline81890.gateway.storage.mysql.MySqlCallbackRequests;
import org.hotline81890.gateway.storage.mysql.MySqlTerminalRegistry;
import org.hotline81890.gateway.voice.CallRecords;
import org.hotline81890.gateway.voice.OneKeyTerminal;
import org.hotline81890.gateway.voice.TerminalRegistry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice channel: the FastAGI server with the intake, status and survey scripts (agi.*), and the AMI
 * connection with queue-event call records and the {@code originate} outbox delivery (ami.*). Each half runs only
 * when enabled.
 */
public final class VoiceModule implements HotlineModule {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceModule.class);
    private final Core core;
    private final HotlineConfig.Agi agi;
    private final TerminalRegistry terminals;
    private final Callbacks callbacks;
    private final Optional<AmiModulePart> ami;
    private volatile Optional<FastAgiServer> server = Optional.empty();
    private volatile Optional<IntakeLanes> lanes = Optional.empty();

    public VoiceModule(Core core) {
        this.core = core;
        this.agi = core.config().agi();
        this.terminals = new MySqlTerminalRegistry(core.database().transactions(), core.clock());
        this.callbacks = new Callbacks(new MySqlCallbackRequests(core.database().transactions()), core.clock());
        this.ami = core.config().ami().enabled() ? Optional.of(new AmiModulePart(core)) : Optional.empty();
    }

    @Override
    public Map<String, OutboxDelivery> deliveries() {
        return ami.map(a -> Map.of(OutboxMessage.ORIGINATE, a.originates())).orElse(Map.of());
    }

    @Override
    public List<Consumer<Router>> routes() {
        CallRecords records = ami.map(AmiModulePart::callRecords)
                .orElseGet(() -> new MySqlCallRecords(core.database().transactions()));
        return List.of(new CallKpiRoutes(records, core.blocking(), core.clock(),
                core.config().ami().answeredWithin())::mount,
                ClickToCallRoutes.of(ami.map(AmiModulePart::originator), core.blocking(),
                        core.config().ami().agentChannel(), core.config().http().maxBody())::mount);
    }

    @Override
    public List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>();
        if (agi.enabled()) {
            checks.add(new HealthCheck("fastagi", () -> server.map(FastAgiServer::isListening).orElse(false)));
        }
        ami.ifPresent(a -> checks.add(a.healthCheck()));
        return checks;
    }

    @Override
    public void start() {
        if (agi.enabled()) {
            if (!agi.terminalsFile().isEmpty()) {
                List<OneKeyTerminal> list = TerminalCsv.read(Path.of(agi.terminalsFile()));
                terminals.upsert(list);
                LOG.info("{} one-key terminals loaded from {}", list.size(), agi.terminalsFile());
            }
            server = Optional.of(new FastAgiServer(agi.bind(), agi.port(), AllowedHosts.resolve(agi.allowedHosts()),
                    new ScriptMapping(scripts())).start());
        }
        ami.ifPresent(AmiModulePart::start);
    }

    private Map<String, AgiScript> scripts() {
        IvrMenu menu = new IvrMenu(core.directory(), new IvrSettings(agi.menu(), IvrSettings.defaults().pageSize()));
        IntakeScript intake = new IntakeScript(core.intake(), core.store(), terminals,
                new CallRouting.Queues(agi.queue(), agi.priorityQueue(), agi.terminalQueuePriority()),
                OpeningHours.parse(agi.openingHours(), agi.timeZone()), agi.greeting(), agi.recentOrders(),
                menu.enabled() ? Optional.of(new MenuStep(menu)) : Optional.empty(), core.clock(),
                intakeLanes(), new AfterHours(callbacks));
        return Map.of("intake", intake, "status", new StatusScript(core.store()),
                "survey", new SurveyScript(core.survey()), "callback", new CallbackScript(callbacks));
    }

    private IntakeLanes intakeLanes() {
        IntakeLanes l = new IntakeLanes(dbLanes(core.config().db().poolSize()), agi.laneWait());
        lanes = Optional.of(l);
        return l;
    }

    /** Intakes that may hold a connection at once: the pool less a few for the relay, scheduler and HTTP. */
    static int dbLanes(int poolSize) {
        return Math.max(1, poolSize - Math.min(4, poolSize / 2));
    }

    /** The FastAGI port actually bound (agi.port 0 in tests). */
    public int agiPort() {
        return server.map(FastAgiServer::port).orElseThrow(() -> new IllegalStateException("FastAGI not running"));
    }

    public Optional<FastAgiServer> agiServer() {
        return server;
    }

    public TerminalRegistry terminals() {
        return terminals;
    }

    /** The agents' callback list (after-hours and queue-timeout callback requests). */
    public Callbacks callbacks() {
        return callbacks;
    }

    public Optional<AmiModulePart> ami() {
        return ami;
    }

    /** How long a stopping gateway lets the calls in progress finish (intake is a greeting long). */
    static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(15);

    @Override
    public void close() {
        server.ifPresent(s -> s.close(DRAIN));
        lanes.ifPresent(IntakeLanes::close);
        ami.ifPresent(AmiModulePart::close);
    }
}
