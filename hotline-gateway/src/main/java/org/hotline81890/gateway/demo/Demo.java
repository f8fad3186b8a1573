package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonObject;
import org.hotline81890.directory.ivr.IvrSettings;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.dispatch.ApiKeys;
import org.hotline81890.gateway.schedule.ScaledClock;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.simulators.ami.AmiServerConfig;
import org.hotline81890.simulators.ami.AmiServerSimulator;
import org.hotline81890.simulators.ami.QueueMemberState;

/**
 * {@code hotline demo}: the hotline alive in one process. The gateway runs on simulated time ({@link ScaledClock})
 * with the Asterisk simulator (AMI in process, FastAGI calls against the gateway), the node SMSC as a child process,
 * simulated residents on every channel and simulated providers on the real partner paths (signed webhooks and the
 * partner API with their keys; SMS commands), plus five logins for people to watch and act. Everything goes through
 * the channels a real deployment has; nothing writes to the database behind the hotline's back.
 */
public final class Demo implements AutoCloseable {
    /** How often the simulated agent works the SMS inbox, in simulated time. */
    static final java.time.Duration SMS_DESK_ROUND = java.time.Duration.ofMinutes(3);
    /** The environment variable of http.port: set, it is the port asked for; unset, the demo may take another. */
    private static final String HTTP_PORT = "HOTLINE_HTTP_PORT";
    private final HotlineApp app;
    private final AmiServerSimulator ami;
    private final Optional<NodeSmsc> smsc;
    private final SimSchedule schedule;
    private final WebhookPartners partners;
    private final WebForms web;
    private final SmsDesk desk;
    private final Residents residents;
    private final Ledger ledger;
    private final ScaledClock clock;
    private final String api;
    private final String token;
    private final String tokenWhere;
    private final List<DemoLogins.Login> logins;

    private Demo(HotlineApp app, AmiServerSimulator ami, Optional<NodeSmsc> smsc, SimSchedule schedule,
                 WebhookPartners partners, WebForms web, SmsDesk desk, Residents residents, Ledger ledger,
                 ScaledClock clock, String api, String token, String tokenWhere, List<DemoLogins.Login> logins) {
        this.app = app;
        this.ami = ami;
        this.smsc = smsc;
        this.schedule = schedule;
        this.partners = partners;
        this.web = web;
        this.desk = desk;
        this.residents = residents;
        this.ledger = ledger;
        this.clock = clock;
        this.api = api;
        this.token = token;
        this.tokenWhere = tokenWhere;
        this.logins = logins;
    }

    /**
     * Starts everything. {@code env}: the HOTLINE_* environment (it wins over the demo's own defaults, except the
     * ports of the simulators it starts); {@code smscDir}: {@code src/simulators/smsc} (without node the demo runs
     * with no SMS and says why).
     */
    public static Demo start(DemoOptions options, Optional<Path> configFile, Map<String, String> env, Path smscDir,
                             PrintStream out) throws IOException {
        // At 1x while starting (the embedded MariaDB may take minutes on a first start); the speed once all is up.
        ScaledClock clock = new ScaledClock(options.start(), 1);
        List<AutoCloseable> started = new java.util.ArrayList<>();
        try {
            return start(options, configFile, env, smscDir, out, clock, started);
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable c : started.reversed()) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static Demo start(DemoOptions options, Optional<Path> configFile, Map<String, String> env, Path smscDir,
                              PrintStream out, ScaledClock clock, List<AutoCloseable> started) throws IOException {
        Behaviour behaviour = new Behaviour(options.seed(), options.unsatisfied());
        Ledger ledger = new Ledger();
        SimSchedule schedule = new SimSchedule(clock);
        started.add(schedule);
        SampleProviders sample = new SampleProviders();
        AmiServerSimulator ami = new AmiServerSimulator(AmiServerConfig.defaults().withPort(0)).start();
        started.add(ami);
        Optional<String> noSms = NodeSmsc.unavailable(smscDir);
        noSms.ifPresent(why -> out.println("SMS is off in this demo: " + why));
        AtomicReference<SmsPeople> smsPeople = new AtomicReference<>();
        Optional<NodeSmsc> smsc = noSms.isPresent() ? Optional.empty() : Optional.of(NodeSmsc.start(smscDir,
                "hotline", "demosmsc", e -> Optional.ofNullable(smsPeople.get()).ifPresent(p -> p.onSubmit(e))));
        smsc.ifPresent(started::add);
        Map<String, String> settings = settings(options, env, ami.port(), smsc.map(NodeSmsc::port));
        HotlineConfig cfg = HotlineConfig.load(configFile.orElse(null), settings);
        DemoHttpPort.Choice port = DemoHttpPort.choose(cfg.http().host(), cfg.http().port(),
                env.containsKey(HTTP_PORT));
        port.instead().ifPresent(p -> settings.put(HTTP_PORT, Integer.toString(p)));
        port.notice().ifPresent(out::println);
        Path data = cfg.data().dir();
        String seed = keySeed(data);
        settings.put("HOTLINE_PARTNERS_DEV_KEY_SEED", seed);
        cfg = HotlineConfig.load(configFile.orElse(null), settings);
        Function<String, String> keys = id -> ApiKeys.derive(seed, new ProviderId(id));
        Map<String, SampleProviders.Provider> simulated = new java.util.concurrent.ConcurrentHashMap<>();
        WebhookPartners partners = new WebhookPartners(simulated, keys, schedule, behaviour, ledger, clock);
        started.add(partners);
        HotlineApp app = HotlineApp.start(cfg, out, clock);
        started.add(app);
        String api = "http://127.0.0.1:" + app.httpPort();
        partners.apiAt(api);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        if (app.importProviders(sample.withWebhooks(partners.base()), "demo providers", quiet, out) != 0) {
            throw new IllegalStateException("the demo could not point its providers' webhooks at itself");
        }
        List<DemoLogins.Login> logins = DemoLogins.ensure(app.people(), data, sample);
        Set<String> human = options.humanProviders() ? Set.copyOf(DemoLogins.providersOf(logins)) : Set.of();
        sample.all().stream().filter(p -> !human.contains(p.id())).forEach(p -> simulated.put(p.id(), p));
        Map<String, SampleProviders.Provider> smsProviders = simulated.values().stream()
                .filter(p -> !p.partnerCompany() && !p.sms().isEmpty())
                .collect(Collectors.toMap(SampleProviders.Provider::sms, p -> p, (a, b) -> a));
        smsc.ifPresent(s -> smsPeople.set(new SmsPeople(s, schedule, behaviour, ledger, smsProviders)));
        String token = adminToken(cfg);
        for (String agent : Callers.SIMULATED_AGENTS) {
            ami.queue(Callers.QUEUE).ifPresent(q -> q.member(QueueMemberState.staticMember("模拟话务员 " + agent,
                    "PJSIP/" + agent, clock.instant().getEpochSecond())));
        }
        Callers callers = new Callers(ami, "127.0.0.1", cfg.agi().port(), schedule, behaviour, ledger,
                DemoLogins.AGENT_EXTENSION);
        WebForms web = new WebForms(api, token, ledger);
        started.add(web);
        SmsDesk desk = new SmsDesk(api, DemoLogins.SMS_DESK, logins.stream().filter(l -> l.login().equals(
                DemoLogins.SMS_DESK)).findFirst().orElseThrow().password(), ledger);
        started.add(desk);
        // An agent looks at the SMS inbox every few minutes, day and night (the hotline is staffed around the clock).
        schedule.every(SMS_DESK_ROUND, desk::round);
        RequestBook book = new RequestBook(DirectoryLoader.loadDefault(), IvrSettings.defaults().pageSize());
        Residents residents = new Residents(options, clock, schedule, book, behaviour, callers, smsc, web,
                desk::texted);
        clock.setSpeed(options.speed());
        residents.start();
        String tokenWhere = cfg.http().adminToken().isBlank() ? cfg.data().dir().resolve("admin-token").toString()
                : "http.admin-token (configured)";
        return new Demo(app, ami, smsc, schedule, partners, web, desk, residents, ledger, clock, api, token,
                tokenWhere, logins.stream().filter(l -> !l.login().equals(DemoLogins.SMS_DESK)).toList());
    }

    /** The demo's defaults under the given environment; the simulators' ports are always the demo's own. */
    private static Map<String, String> settings(DemoOptions o, Map<String, String> env, int amiPort,
                                                Optional<Integer> smscPort) throws IOException {
        Map<String, String> s = new HashMap<>();
        s.put("HOTLINE_DATA_DIR", "./data/demo");
        s.put("HOTLINE_AGI_PORT", Integer.toString(freePort()));
        s.put("HOTLINE_PARTNERS_SURVEY_BY_CALL", "false");
        s.put("HOTLINE_SMPP_SUBMIT_RATE", "2000");
        s.put("HOTLINE_SMPP_BINDS", "2");
        // People keep a page open for hours of their own time, which is many more hours of simulated time.
        s.put("HOTLINE_WEB_SESSION_IDLE", (long) Math.ceil(8 * o.speed()) + "h");
        // Nothing wakes the outbox relay or the scheduler on a commit: they poll, in real time. Keep a poll at about
        // 30 simulated seconds, or an offer (5 simulated minutes to answer) would sit in the outbox for most of it.
        long pollMs = Math.max(10, Math.min(500, (long) (30_000 / o.speed())));
        s.put("HOTLINE_OUTBOX_POLL_INTERVAL", pollMs + "ms");
        s.put("HOTLINE_SCHEDULER_POLL_INTERVAL", pollMs + "ms");
        // Leases and retry backoff are measured on the clock too: keep them at their real-time length, or a slow
        // delivery's lease runs out while it is still running (a second delivery of the same row) and a channel
        // still binding exhausts its retries in seconds.
        s.put("HOTLINE_OUTBOX_LEASE", (long) Math.ceil(30 * o.speed()) + "s");
        s.put("HOTLINE_SCHEDULER_LEASE", (long) Math.ceil(60 * o.speed()) + "s");
        s.put("HOTLINE_OUTBOX_BACKOFF_INITIAL", (long) Math.ceil(o.speed()) + "s");
        s.put("HOTLINE_OUTBOX_BACKOFF_MAX", Math.max(600, (long) Math.ceil(30 * o.speed())) + "s");
        s.putAll(env);
        s.put("HOTLINE_AGI_ENABLED", "true");
        s.put("HOTLINE_AGI_MENU", "true");
        s.put("HOTLINE_AMI_ENABLED", "true");
        s.put("HOTLINE_AMI_HOST", "127.0.0.1");
        s.put("HOTLINE_AMI_PORT", Integer.toString(amiPort));
        s.put("HOTLINE_AMI_USERNAME", "hotline");
        s.put("HOTLINE_AMI_PASSWORD", "hotline-secret");
        s.put("HOTLINE_SMPP_ENABLED", Boolean.toString(smscPort.isPresent()));
        smscPort.ifPresent(p -> {
            s.put("HOTLINE_SMPP_HOST", "127.0.0.1");
            s.put("HOTLINE_SMPP_PORT", Integer.toString(p));
            s.put("HOTLINE_SMPP_SYSTEM_ID", "hotline");
            s.put("HOTLINE_SMPP_PASSWORD", "demosmsc");
        });
        return s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The seed of the demo providers' partner-API keys, made once per data directory. */
    private static String keySeed(Path data) throws IOException {
        Path file = data.resolve("demo-key-seed");
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] raw = new byte[16];
        new SecureRandom().nextBytes(raw);
        String seed = HexFormat.of().formatHex(raw);
        Files.createDirectories(data);
        Files.writeString(file, seed, StandardCharsets.UTF_8);
        return seed;
    }

    private static String adminToken(HotlineConfig cfg) throws IOException {
        if (!cfg.http().adminToken().isBlank()) {
            return cfg.http().adminToken().strip();
        }
        return Files.readString(cfg.data().dir().resolve("admin-token"), StandardCharsets.UTF_8).strip();
    }

    /**
     * What to print for a newcomer: the pages and the logins; the admin token itself only to a terminal (standard
     * output that goes to a file ends up in logs), else where it is kept.
     */
    public void describe(PrintStream out, String host, boolean toTerminal) {
        String base = "http://" + host + ":" + app.httpPort();
        out.println();
        out.println("81890 hotline demo: " + base + "/login   (simulated time at " + clock.speed() + "x, now "
                + clock.instant().atZone(DayCurve.BEIJING).toLocalDateTime().withNano(0) + " Beijing time)");
        for (DemoLogins.Login l : logins) {
            out.printf("  %-16s %-10s password %-18s %s%s%n", l.login(), l.role().wire(), l.password(),
                    base + l.role().home(), l.provider().map(p -> "  (provider " + p + ")").orElse(""));
        }
        out.println("  As demo-agent click 签入 then 就绪: the next simulated call rings your desk (extension "
                + DemoLogins.AGENT_EXTENSION + ").");
        out.println(tokenLine(token, tokenWhere, toTerminal, base));
        out.println();
    }

    static String tokenLine(String token, String where, boolean toTerminal, String base) {
        return "  Admin API token: " + (toTerminal ? token : "kept in " + where
                + " (not printed: standard output is not a terminal)") + "   KPIs: curl -H 'Authorization: Bearer …' "
                + base + "/api/admin/kpis";
    }

    public int sent() {
        return residents.sent();
    }

    /** What the run will send in all (a --day run started after midnight sends only the rest of the day). */
    public int planned() {
        return residents.planned();
    }

    public Map<String, Long> counts() {
        return ledger.counts();
    }

    /** Simulated actions waiting (providers' and residents' answers yet to come). */
    public long pending() {
        return schedule.pending();
    }

    public ScaledClock clock() {
        return clock;
    }

    /** Stops sending new requests; everyone keeps answering what they have. */
    public void stopResidents() {
        residents.stop();
    }

    /** The figures of the run, read from the hotline; its KPIs over the offers and surveys since {@code from}. */
    public DayReport.Figures figures(Instant from) {
        return new DayReport(api, token).collect(ledger.tickets(), from, clock.instant());
    }

    /** The latest deadline still to come among the hotline's open orders ({@link DayReport#latestDueAfter}). */
    public Optional<Instant> latestDueAfter(Instant now) {
        return new DayReport(api, token).latestDueAfter(now);
    }

    public JsonObject counters() {
        return new JsonObject(new HashMap<>(ledger.counts()));
    }

    public int httpPort() {
        return app.httpPort();
    }

    @Override
    public void close() {
        residents.stop();
        schedule.close();
        partners.close();
        web.close();
        desk.close();
        app.close();
        smsc.ifPresent(NodeSmsc::close);
        ami.close();
    }
}
