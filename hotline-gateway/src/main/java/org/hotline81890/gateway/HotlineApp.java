package org.hotline81890.gateway;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.AccessPolicy;
import org.hotline81890.gateway.channel.http.AdminRoutes;
import org.hotline81890.gateway.channel.http.AdminToken;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.HealthCheck;
import org.hotline81890.gateway.channel.http.HttpVerticle;
import org.hotline81890.gateway.channel.web.AgentDeskParts;
import org.hotline81890.gateway.channel.web.AdminProviderRoutes;
import org.hotline81890.gateway.channel.web.ProviderDesk;
import org.hotline81890.gateway.channel.web.JobPhotoRoutes;
import org.hotline81890.gateway.channel.web.ProviderDeskRoutes;
import org.hotline81890.gateway.channel.web.CoalescingPublisher;
import org.hotline81890.gateway.channel.web.FirstAdminNotice;
import org.hotline81890.gateway.channel.web.LiveViewBridge;
import org.hotline81890.gateway.channel.web.WebPages;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.delivery.Deliveries;
import org.hotline81890.gateway.delivery.OutboxRelay;
import org.hotline81890.gateway.desk.Departments;
import org.hotline81890.gateway.dispatch.DirectoryCatalog;
import org.hotline81890.gateway.dispatch.FirstOfferOrder;
import org.hotline81890.gateway.dispatch.Onboarding;
import org.hotline81890.gateway.dispatch.ProviderImport;
import org.hotline81890.gateway.matching.CorrectionStore;
import org.hotline81890.gateway.matching.Corrections;
import org.hotline81890.gateway.matching.DirectoryClassifier;
import org.hotline81890.gateway.matching.LearningMatcher;
import org.hotline81890.gateway.people.FirstAdmin;
import org.hotline81890.gateway.people.Passwords;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.people.Sessions;
import org.hotline81890.gateway.people.SignIn;
import org.hotline81890.gateway.schedule.DeadlineHandler;
import org.hotline81890.gateway.schedule.DeadlineScheduler;
import org.hotline81890.gateway.sms.RepeatAfterWindow;
import org.hotline81890.gateway.storage.mysql.Database;
import org.hotline81890.gateway.storage.mysql.GroupCommitWorkOrderStore;
import org.hotline81890.gateway.storage.mysql.MySqlAuditLog;
import org.hotline81890.gateway.storage.mysql.MySqlCorrectionStore;
import org.hotline81890.gateway.storage.mysql.MySqlDeadlineStore;
import org.hotline81890.gateway.storage.mysql.MySqlOutbox;
import org.hotline81890.gateway.storage.mysql.MySqlPersonStore;
import org.hotline81890.gateway.storage.mysql.MySqlPromiseFirstClaims;
import org.hotline81890.gateway.storage.mysql.MySqlProviderKeys;
import org.hotline81890.gateway.storage.mysql.MySqlProviderStore;
import org.hotline81890.gateway.storage.mysql.MySqlSessionStore;
import org.hotline81890.gateway.storage.mysql.MySqlSmsKeyEpisodes;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore;
import org.hotline81890.gateway.storage.mysql.Transactions;
import org.hotline81890.gateway.wiring.AgentDeskWiring;
import org.hotline81890.gateway.wiring.AmiModulePart;
import org.hotline81890.gateway.wiring.Core;
import org.hotline81890.gateway.wiring.HotlineModule;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.wiring.SmsModule;
import org.hotline81890.gateway.wiring.SupervisorModule;
import org.hotline81890.gateway.wiring.VoiceModule;
import org.hotline81890.gateway.workorder.DeadlineKind;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.SurveyWait;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one wiring place: builds the core from the configuration, then the modules, and starts them in order. */
public final class HotlineApp implements AutoCloseable {
    /**
     * Group-commit committers: while one batch waits for its commit (log flush), the next one is written.
     * {@code -Dhotline.sms.committers=N} overrides it for load experiments (docs/sms.md).
     */
    private static final int COMMITTERS = Math.max(1, Integer.getInteger("hotline.sms.committers", 2));
    private static final Logger LOG = LoggerFactory.getLogger(HotlineApp.class);
    private final Core core;
    private final List<HotlineModule> modules;
    private final OutboxRelay relay;
    private final DeadlineScheduler scheduler;
    private final HttpVerticle http;
    private final String httpDeployment;

    private HotlineApp(Core core, List<HotlineModule> modules, OutboxRelay relay, DeadlineScheduler scheduler,
                       HttpVerticle http, String httpDeployment) {
        this.httpDeployment = httpDeployment;
        this.core = core;
        this.modules = modules;
        this.relay = relay;
        this.scheduler = scheduler;
        this.http = http;
    }

    /** The modules of a full hotline; each decides from the configuration whether it does anything. */
    static List<Function<Core, HotlineModule>> defaultModules() {
        // Built in this order: the SMS channel answers providers' job commands through the partner network.
        AtomicReference<PartnerModule> partners = new AtomicReference<>();
        AtomicReference<VoiceModule> voice = new AtomicReference<>();
        return List.of(c -> {
                    voice.set(new VoiceModule(c));
                    return voice.get();
                },
                c -> {
                    partners.set(new PartnerModule(c));
                    return partners.get();
                },
                c -> new SmsModule(c, partners.get().jobCommands()),
                c -> new SupervisorModule(c, partners.get(), voice.get()));
    }

    public static HotlineApp start(HotlineConfig cfg, PrintStream console) {
        return start(cfg, console, defaultModules());
    }

    public static HotlineApp start(HotlineConfig cfg, PrintStream console, List<Function<Core, HotlineModule>> mods) {
        return start(cfg, console, mods, Clock.systemUTC());
    }

    /** A full hotline on another clock: the demo's simulated time ({@code ScaledClock}). */
    public static HotlineApp start(HotlineConfig cfg, PrintStream console, Clock clock) {
        return start(cfg, console, defaultModules(), clock);
    }

    /** The given modules on another clock (the loop benchmark at the demo's speed). */
    public static HotlineApp start(HotlineConfig cfg, PrintStream console, List<Function<Core, HotlineModule>> mods,
                                   Clock clock) {
        Database db = Database.open(cfg.db(), cfg.data());
        List<HotlineModule> modules = new ArrayList<>();
        try {
            db.migrate();
            Core core = core(cfg, db, clock);
            mods.forEach(m -> modules.add(m.apply(core)));
            Deliveries deliveries = new Deliveries().registerAll(AgentDeskWiring.deliveries(core));
            Map<String, DeadlineHandler> handlers = new HashMap<>();
            // The survey wait closes as "no reply" only when no answer sent in time is still behind the SMS journal.
            SurveyWait surveyWait = SmsModule.surveyWait(core);
            handlers.put(MySqlDeadlineStore.WORK_ORDER, d -> {
                WorkOrderId id = new WorkOrderId(d.subjectId());
                DeadlineKind kind = DeadlineKind.valueOf(d.kind());
                if (kind == DeadlineKind.SURVEY_AT) {
                    surveyWait.fire(id);
                } else {
                    core.tracker().onDeadline(id, kind);
                }
            });
            List<Consumer<Router>> routes = new ArrayList<>();
            AdminToken token = AdminToken.resolve(cfg.http().adminToken(), cfg.data().dir(), console,
                    console == System.out && AdminToken.stdoutIsTerminal());
            routes.add(new AdminRoutes(core.intake(), core.store(), core.blocking(), token,
                    cfg.http().maxBody(), code -> core.directory().find(code).isPresent())::mount);
            AccessGate gate = people(cfg, core, console, routes, modules);
            List<HealthCheck> checks = new ArrayList<>(List.of(databaseCheck(db)));
            for (HotlineModule m : modules) {
                deliveries.registerAll(m.deliveries());
                handlers.putAll(m.deadlineHandlers());
                routes.addAll(m.routes());
                checks.addAll(m.healthChecks());
            }
            OutboxRelay relay = yieldToAcks(new OutboxRelay(core.outbox(), deliveries.byKind(), cfg.outbox(),
                    core.clock()), modules).start();
            modules.forEach(m -> m.sendFirst(relay::sendFirst));
            DeadlineScheduler scheduler = new DeadlineScheduler(core.deadlines(), handlers,
                    cfg.scheduler().pollInterval(), cfg.scheduler().lease(), core.clock(), cfg.scheduler().parallel())
                    .start();
            HttpVerticle http = new HttpVerticle(cfg.http(), token, checks, core.outbox()::parked,
                    core.registry(), routes, gate);
            String deployment = core.vertx().deployVerticle(http, new DeploymentOptions()).await();
            modules.forEach(HotlineModule::start);
            LOG.info("hotline serving HTTP on {}:{} with {} modules", cfg.http().host(), http.actualPort(),
                    modules.size());
            return new HotlineApp(core, modules, relay, scheduler, http, deployment);
        } catch (RuntimeException e) {
            modules.forEach(HotlineModule::close);
            db.close();
            throw e;
        }
    }

    /**
     * Acks first (ADR 0042), when {@code hotline.outbox.yield-lag-ms} is set: while a module's acknowledgements are
     * busy the relay takes only rows due that long. Off by default (a lag of 0 never yields).
     */
    private static OutboxRelay yieldToAcks(OutboxRelay relay, List<HotlineModule> modules) {
        List<BooleanSupplier> busy = modules.stream().map(HotlineModule::acksBusy).flatMap(Optional::stream).toList();
        return busy.isEmpty() ? relay : relay.yieldTo(() -> busy.stream().anyMatch(BooleanSupplier::getAsBoolean),
                SmsModule.OUTBOX_MAX_LAG);
    }

    /** People and access: accounts, sessions, the audit, the pages, and the gate every request passes. */
    private static AccessGate people(HotlineConfig cfg, Core core, PrintStream console, List<Consumer<Router>> routes,
                                     List<HotlineModule> modules) {
        Transactions tx = core.database().transactions();
        MySqlPersonStore persons = new MySqlPersonStore(tx);
        MySqlSessionStore sessionStore = new MySqlSessionStore(tx);
        Passwords passwords = new Passwords();
        Sessions sessions = new Sessions(sessionStore, cfg.web().sessionIdle(), core.clock());
        People people = new People(persons, sessionStore, passwords, core.clock());
        new FirstAdmin(persons, people).ensure().ifPresent(password -> FirstAdminNotice.announce(password,
                cfg.data().dir(), console, FirstAdminNotice.onTerminal()));
        AccessGate gate = new AccessGate(AccessPolicy.standard(), sessions, core.blocking(), cfg.web().secureCookies());
        WebPages pages = new WebPages(new SignIn(persons, sessions, passwords, core.clock()), sessions, people,
                new PersonalDataViews(new MySqlAuditLog(tx), core.clock()), core.store(),
                agentDesk(cfg, core, modules), core.vertx(), gate, core.blocking(), cfg.phone(),
                id -> knownProvider(new MySqlProviderStore(tx), id));
        // The provider desks before the pages' placeholder homes for /partner, /department, /volunteer.
        routes.addAll(providerPages(core, people, pages, modules));
        routes.add(pages::mount);
        return gate;
    }

    /** Issue 14: onboarding providers and the provider desks, when the partner network is on. */
    private static List<Consumer<Router>> providerPages(Core core, People people, WebPages pages,
                                                       List<HotlineModule> modules) {
        return modules.stream().filter(PartnerModule.class::isInstance).map(PartnerModule.class::cast).findFirst()
                .map(pm -> {
                    List<Consumer<Router>> out = new ArrayList<>();
                    out.add(new AdminProviderRoutes(pm.onboarding(), people, pages.pages(), core.blocking())::mount);
                    ProviderDesk reads = pm.desk();
                    PersonalDataViews audit = new PersonalDataViews(new MySqlAuditLog(core.database().transactions()),
                            core.clock());
                    for (ProviderDeskRoutes.Desk d : ProviderDeskRoutes.Desk.values()) {
                        out.add(new ProviderDeskRoutes(d, core.vertx(), pm.flow(), reads, audit,
                                pages.pages(), core.blocking(), pm.completion(),
                                core.config().web().photoMax())::mount);
                    }
                    out.add(new JobPhotoRoutes(pm.completion(), core.store(), pages.pages(), core.blocking())::mount);
                    return out;
                })
                .orElse(List.of());
    }

    /** The agent desk, through the voice module's AMI connection when AMI is on. */
    private static AgentDeskParts agentDesk(HotlineConfig cfg, Core core, List<HotlineModule> modules) {
        return AgentDeskWiring.parts(cfg, core, modules.stream().filter(VoiceModule.class::isInstance)
                .map(m -> ((VoiceModule) m).ami()).flatMap(Optional::stream).map(AmiModulePart::connector)
                .findFirst(), modules.stream().filter(PartnerModule.class::isInstance)
                .map(m -> ((PartnerModule) m).departments()).findFirst().orElse(Departments.NONE));
    }

    private static Core core(HotlineConfig cfg, Database db, Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        Directory directory = DirectoryLoader.loadDefault();
        MySqlCorrectionStore correctionStore = new MySqlCorrectionStore(db.transactions());
        LearningMatcher learning = LearningMatcher.load(directory, correctionStore);
        Corrections corrections = new Corrections(correctionStore, directory, learning::remember, clock);
        Matcher matcher = learning.matcher();
        MySqlWorkOrderStore store = new MySqlWorkOrderStore(db.transactions(), clock, new SecureRandom());
        ServiceLevels levels = new ServiceLevels(cfg.sla().respondWithin(), cfg.sla().completeWithin(),
                cfg.sla().surveyWait());
        LiveViewBridge live = new LiveViewBridge(vertx);
        // The one intake, for every channel: creates go through the group commit on the committers' own lane.
        Database lane = db.committerLane(COMMITTERS + 1);
        MySqlWorkOrderStore batchStore = new MySqlWorkOrderStore(lane.transactions(), clock, new SecureRandom());
        MySqlSmsKeyEpisodes window = new MySqlSmsKeyEpisodes(lane.transactions(), clock,
                new RepeatAfterWindow(cfg.smpp().dedupWindow()));
        GroupCommitWorkOrderStore group = new GroupCommitWorkOrderStore(store,
                batch -> window.createAll(batchStore, batch), cfg.smpp().groupCommitWait(),
                cfg.smpp().groupCommitMax(), COMMITTERS, SmsModule.HANDLER_TIMEOUT);
        Intake intake = new Intake(group, new DirectoryClassifier(directory, matcher, clock), levels,
                new CoalescingPublisher(live, vertx.getOrCreateContext()), clock);
        Tracker tracker = new Tracker(store, levels, live, clock);
        return new Core(cfg, clock, db, vertx, registry, directory, matcher, corrections, store,
                firstOffersOrdered(cfg, db, clock), new MySqlDeadlineStore(db.transactions()), intake,
                tracker, new Survey(store, tracker), new Blocking(vertx), window, group);
    }

    /** The outbox, its dispatch rows claimed in the order of {@code partners.first-offers} (ADR 0041). */
    private static Outbox firstOffersOrdered(HotlineConfig cfg, Database db, Clock clock) {
        HotlineConfig.FirstOffers f = cfg.partners().firstOffers();
        FirstOfferOrder order = new FirstOfferOrder(FirstOfferOrder.Mode.of(f.order()), f.promise(), f.lateShare());
        LOG.info("first offers: {}", order);
        return new MySqlPromiseFirstClaims(new MySqlOutbox(db.transactions(), clock), db.transactions(), order);
    }

    /** {@code hotline providers import}: validates a provider CSV and saves all of it, or nothing; the exit code. */
    public static int importProviders(HotlineConfig cfg, String csv, String source, PrintStream out,
                                      PrintStream err) {
        try (Database db = Database.open(cfg.db(), cfg.data())) {
            db.migrate();
            return ProviderImport.run(csv, source, DirectoryLoader.loadDefault(),
                    new MySqlProviderStore(db.transactions()), out, err);
        }
    }

    /**
     * The CLI's onboarding commands ({@code hotline providers key ...}): {@code work} runs against the configured
     * database's providers and keys; its result is the exit code. A running hotline sees the change at once (keys)
     * or within {@code partners.provider-cache} (providers).
     */
    public static int withOnboarding(HotlineConfig cfg, Function<Onboarding, Integer> work) {
        try (Database db = Database.open(cfg.db(), cfg.data())) {
            db.migrate();
            MySqlProviderStore providers = new MySqlProviderStore(db.transactions());
            return work.apply(new Onboarding(providers, new MySqlProviderKeys(db.transactions()), providers,
                    new DirectoryCatalog(DirectoryLoader.loadDefault()), () -> { }, Clock.systemUTC()));
        }
    }

    /**
     * {@code hotline users ...}: {@code work} runs against the people of the configured database, told which
     * provider ids the provider table knows; beside a running hotline on the embedded default it attaches to that
     * hotline's server. Its result is the exit code.
     */
    public static int withPeople(HotlineConfig cfg, BiFunction<People, Predicate<String>, Integer> work) {
        try (Database db = Database.open(cfg.db(), cfg.data(), true)) {
            db.migrate();
            Transactions tx = db.transactions();
            MySqlProviderStore providers = new MySqlProviderStore(tx);
            return work.apply(new People(new MySqlPersonStore(tx), new MySqlSessionStore(tx), new Passwords(),
                    Clock.systemUTC()), id -> knownProvider(providers, id));
        }
    }

    private static boolean knownProvider(MySqlProviderStore providers, String id) {
        try {
            return providers.find(ProviderId.of(id)).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code hotline corrections export}: {@code work} reads the configured database's agents' corrections. */
    public static int withCorrections(HotlineConfig cfg, Function<CorrectionStore, Integer> work) {
        try (Database db = Database.open(cfg.db(), cfg.data())) {
            db.migrate();
            return work.apply(new MySqlCorrectionStore(db.transactions()));
        }
    }

    /** {@code hotline migrate}: brings the configured database's schema up to date; how many migrations ran. */
    public static int migrate(HotlineConfig cfg) {
        try (Database db = Database.open(cfg.db(), cfg.data())) {
            return db.migrate();
        }
    }

    public Core core() {
        return core;
    }

    /** The people use cases on this hotline's database (the demo creates its logins with them). */
    public People people() {
        Transactions tx = core.database().transactions();
        return new People(new MySqlPersonStore(tx), new MySqlSessionStore(tx), new Passwords(), core.clock());
    }

    /** {@code hotline providers import} on the running hotline (the demo points its providers' webhooks at itself). */
    public int importProviders(String csv, String source, PrintStream out, PrintStream err) {
        int status = ProviderImport.run(csv, source, core.directory(),
                new MySqlProviderStore(core.database().transactions()), out, err);
        return status;
    }

    /** The HTTP routes as mounted (the authz matrix test walks them). */
    public List<io.vertx.ext.web.Route> httpRoutes() {
        return http.routes();
    }

    /** The module of that type, if this hotline runs one (tests reach a module's use cases through it). */
    public <T extends HotlineModule> Optional<T> module(Class<T> type) {
        return modules.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * The database: DOWN when it does not answer, FULL (with the reason) when it refused a write for want of room in
     * the last 15 s; UP again by itself once writes go through (issue 16).
     */
    private static HealthCheck databaseCheck(Database db) {
        return new HealthCheck("database", db::isReachable, true, () -> db.transactions()
                .outOfRoom(Duration.ofSeconds(15)).map(why -> new HealthCheck.Condition("FULL", why)));
    }

    public int httpPort() {
        return http.actualPort();
    }

    /** New outbox rows were committed in this process: deliver now. */
    public void wakeRelay() {
        relay.wake();
    }

    /**
     * Stops every producer of writes before the pool closes, each after it has finished what it accepted: HTTP takes
     * no new request; the modules stop their channels (FastAGI drains its calls, AMI logs off and its call-record
     * writer drains or spools, SMPP unbinds); the scheduler and the relay stop; the requests HTTP had accepted and the
     * group commit finish; only then the database.
     */
    @Override
    public void close() {
        core.vertx().undeploy(httpDeployment).await();
        modules.forEach(HotlineModule::close);
        scheduler.close();
        relay.close();
        core.blocking().close();
        core.groupCommit().close();
        core.vertx().close().await();
        core.database().close();
    }
}
