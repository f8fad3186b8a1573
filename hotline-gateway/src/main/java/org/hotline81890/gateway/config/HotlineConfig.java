package org.hotline81890.gateway.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.hotline81890.partners.dispatch.AfterHours;
import org.hotline81890.partners.dispatch.AfterHoursRule;

/** The whole configuration, read once at start-up and validated; see config/hotline.yaml for every key. */
public record HotlineConfig(Http http, Data data, Db db, Sla sla, OutboxRelay outbox, Scheduler scheduler,
                            Smpp smpp, Agi agi, Ami ami, Partners partners, Web web, Phone phone) {

    public static HotlineConfig load(Path overrideFile, Map<String, String> env) {
        return from(ConfigSource.load(overrideFile, env));
    }

    public static HotlineConfig from(ConfigSource c) {
        Duration ms1 = Duration.ofMillis(1);
        return new HotlineConfig(
                new Http(c.text("http.host"), c.port("http.port"), c.text("http.admin-token"),
                        c.integer("http.max-body", 1024, 16 * 1024 * 1024),
                        new Tls(c.text("http.tls.cert-file"), c.text("http.tls.key-file")),
                        MetricsAccess.valueOf(c.choice("http.metrics", "public", "token", "loopback")
                                .toUpperCase(java.util.Locale.ROOT))),
                new Data(Path.of(c.text("data.dir").isEmpty() ? "./data" : c.text("data.dir"))),
                new Db(c.text("db.url"), c.text("db.user"), c.text("db.password"),
                        c.integer("db.pool-size", 1, 200), c.duration("db.connect-timeout", Duration.ofMillis(250)),
                        c.port("db.embedded-port"), c.text("db.embedded-buffer-pool"),
                        c.text("db.embedded-log-file-size"), c.duration("db.start-patience", Duration.ZERO)),
                new Sla(c.duration("sla.respond-within", ms1), c.duration("sla.complete-within", ms1),
                        c.duration("sla.survey-wait", ms1)),
                new OutboxRelay(c.duration("outbox.poll-interval", Duration.ofMillis(10)),
                        c.integer("outbox.batch-size", 1, 10_000), c.duration("outbox.lease", Duration.ofSeconds(1)),
                        c.integer("outbox.max-attempts", 1, 1000), c.duration("outbox.backoff-initial", ms1),
                        c.duration("outbox.backoff-max", ms1)),
                new Scheduler(c.duration("scheduler.poll-interval", Duration.ofMillis(10)),
                        c.duration("scheduler.lease", Duration.ofSeconds(1)),
                        c.integer("scheduler.parallel", 1, 1000)),
                new Smpp(c.bool("smpp.enabled"), c.text("smpp.host"), c.port("smpp.port"), c.text("smpp.system-id"),
                        c.text("smpp.password"), c.text("smpp.system-type"), bindType(c),
                        c.text("smpp.source-address"), c.integer("smpp.submit-rate", 1, 100_000),
                        c.integer("smpp.window", 1, 10_000), c.integer("smpp.binds", 1, 64),
                        c.integer("smpp.inbound-limit", 0, 1_000_000), c.duration("smpp.inbound-window", ms1),
                        c.duration("smpp.group-commit-wait", Duration.ZERO),
                        c.integer("smpp.group-commit-max", 1, 10_000),
                        c.duration("smpp.reassembly-timeout", ms1), c.duration("smpp.dedup-window", ms1),
                        c.duration("smpp.redelivery-window", ms1), c.bool("smpp.journal"), ReplyHold.from(c)),
                Agi.from(c),
                Ami.from(c),
                new Partners(c.bool("partners.enabled"), c.bool("partners.sample-providers"),
                        c.duration("partners.accept-timeout", Duration.ofMillis(100)),
                        c.duration("partners.department-sign-timeout", Duration.ofMillis(100)),
                        c.text("partners.default-district"), c.duration("partners.webhook-timeout", ms1),
                        c.duration("partners.provider-cache", Duration.ZERO),
                        c.duration("partners.load-cache", Duration.ZERO), c.text("partners.dev-key-seed"),
                        c.integer("partners.reminder-at", 0, 99), c.duration("partners.max-extension", ms1),
                        c.integer("partners.max-extensions", 0, 10), c.integer("partners.rating-prior-weight", 0, 1000),
                        c.bool("partners.survey-by-call"), afterHours(c),
                        c.integer("partners.dispatch-share", 1, 100), c.integer("partners.dispatch-together", 1, 100),
                        c.integer("partners.answer-holders", 0, 100), firstOffers(c)),
                new Web(c.duration("web.session-idle", Duration.ofMinutes(1)), c.bool("web.secure-cookies"),
                        wrapUpCodes(c), c.duration("web.wrap-up-time", Duration.ZERO),
                        c.integer("web.photo-max", 1024, 64 * 1024 * 1024)),
                Phone.from(c));
    }

    /** {@code partners.first-offers.*}: which waiting orders get the next first offers (ADR 0041). */
    private static FirstOffers firstOffers(ConfigSource c) {
        return new FirstOffers(c.choice("partners.first-offers.order", "promise", "fifo"),
                c.duration("partners.first-offers.promise", Duration.ofSeconds(1)),
                c.integer("partners.first-offers.late-share", 1, 100));
    }

    /** {@code partners.after-hours.*}: the night and weekend policy (ADR 0019). */
    private static AfterHours afterHours(ConfigSource c) {
        String prefix = "partners.after-hours.";
        Map<String, AfterHoursRule> categories = new java.util.HashMap<>();
        for (String entry : c.list(prefix + "categories")) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || !parts[0].strip().matches("[A-Z]{2}")) {
                throw new ConfigException("invalid value for " + prefix + "categories: '" + entry + "' (expected "
                        + "CODE=rule such as ER=escalate; from " + c.originOf(prefix + "categories") + ")");
            }
            categories.put(parts[0].strip(), afterHoursRule(c, prefix + "categories", parts[1]));
        }
        java.util.Set<LocalDate> holidays = dates(c, prefix + "holidays");
        java.util.Set<LocalDate> workdays = dates(c, prefix + "workdays");
        java.util.Set<LocalDate> both = new java.util.TreeSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw new ConfigException("invalid value for " + prefix + "workdays: " + both + " also listed in "
                    + prefix + "holidays (from " + c.originOf(prefix + "workdays") + ")");
        }
        return new AfterHours(afterHoursRule(c, prefix + "emergency", c.text(prefix + "emergency")),
                afterHoursRule(c, prefix + "departments", c.text(prefix + "departments")),
                afterHoursRule(c, prefix + "others", c.text(prefix + "others")), categories,
                c.duration(prefix + "max-hold", Duration.ofMinutes(1)), holidays, workdays,
                c.integer(prefix + "opening-share", 1, 100) / 100.0);
    }

    /** A list of quoted {@code yyyy-MM-dd} dates. */
    private static java.util.Set<LocalDate> dates(ConfigSource c, String key) {
        java.util.Set<LocalDate> out = new java.util.HashSet<>();
        for (String day : c.list(key)) {
            try {
                out.add(LocalDate.parse(day));
            } catch (DateTimeException e) {
                throw new ConfigException("invalid value for " + key + ": '" + day + "' (expected a "
                        + "quoted date such as \"2026-10-01\"; from " + c.originOf(key) + ")");
            }
        }
        return out;
    }

    private static AfterHoursRule afterHoursRule(ConfigSource c, String key, String value) {
        try {
            return AfterHoursRule.of(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value for " + key + ": '" + value + "' (expected escalate, hold or "
                    + "next-working-day; from " + c.originOf(key) + ")");
        }
    }

    private static String bindType(ConfigSource c) {
        String v = c.text("smpp.bind-type");
        if (!List.of("transceiver", "receiver-transmitter").contains(v)) {
            throw new ConfigException("invalid value for smpp.bind-type: '" + v
                    + "' (expected transceiver or receiver-transmitter; from " + c.originOf("smpp.bind-type") + ")");
        }
        return v;
    }

    /** HTTP server. */
    public record Http(String host, int port, String adminToken, int maxBody, Tls tls, MetricsAccess metrics) {
        public Http {
            if (tls.certFile().isEmpty() != tls.keyFile().isEmpty()) {
                throw new ConfigException("http.tls.cert-file and http.tls.key-file go together: set both or neither");
            }
        }

        /** Plain HTTP with /metrics on loopback only (tests). */
        public static Http plain(String host, int port, String adminToken, int maxBody) {
            return new Http(host, port, adminToken, maxBody, new Tls("", ""), MetricsAccess.LOOPBACK);
        }
    }

    /** The people's pages: sessions and their cookies; the agent desk's wrap-up codes and after-call time. */
    /** The pages. {@code photoMax}: the largest completion photo a provider desk takes, in bytes. */
    public record Web(Duration sessionIdle, boolean secureCookies, List<String> wrapUpCodes, Duration wrapUpTime,
                      int photoMax) {
    }

    private static List<String> wrapUpCodes(ConfigSource c) {
        List<String> codes = c.list("web.wrap-up-codes");
        if (codes.isEmpty() || codes.size() > 15 || codes.stream().anyMatch(x -> x.isEmpty() || x.length() > 32)
                || codes.stream().distinct().count() != codes.size()) {
            throw new ConfigException("invalid value for web.wrap-up-codes: " + codes + " (1 to 15 distinct codes of "
                    + "at most 32 characters; from " + c.originOf("web.wrap-up-codes") + ")");
        }
        return codes;
    }

    /**
     * The agents' browser phone: SIP.js over a WebSocket to Asterisk's PJSIP. An empty {@code wsUrl} leaves the
     * desks on desk phones only.
     */
    public record Phone(String wsUrl, String domain, List<String> iceServers) {
        static Phone from(ConfigSource c) {
            String url = c.text("phone.ws-url");
            if (!url.isEmpty() && !url.matches("wss?://[^/\\s]+(/\\S*)?")) {
                throw new ConfigException("invalid value for phone.ws-url: '" + url
                        + "' (expected ws://HOST:PORT/PATH or wss://..., or empty; from " + c.originOf("phone.ws-url")
                        + ")");
            }
            for (String ice : c.list("phone.ice-servers")) {
                if (!ice.matches("(stuns?|turns?):\\S+")) {
                    throw new ConfigException("invalid value for phone.ice-servers: '" + ice
                            + "' (expected stun:HOST:PORT or turn:HOST:PORT; from " + c.originOf("phone.ice-servers")
                            + ")");
                }
            }
            String domain = c.text("phone.domain");
            if (domain.isEmpty() && !url.isEmpty()) {
                domain = url.replaceFirst("wss?://", "").replaceFirst("[:/].*", "");
            }
            return new Phone(url, domain, c.list("phone.ice-servers"));
        }

        /** The WebSocket's origin ({@code wss://pbx.example:8089}), which the agent page's CSP must let it reach. */
        public String origin() {
            return wsUrl.replaceFirst("^(wss?://[^/]+).*$", "$1");
        }
    }

    /** PEM files for HTTPS; both empty means plain HTTP (e.g. behind a TLS-terminating proxy). */
    public record Tls(String certFile, String keyFile) {
        public boolean enabled() {
            return !certFile.isEmpty();
        }
    }

    /** Who may read {@code /metrics}: anyone, holders of the admin token, or clients on the loopback address. */
    public enum MetricsAccess { PUBLIC, TOKEN, LOOPBACK }

    /** Where the embedded database and generated secrets live. */
    public record Data(Path dir) {
    }

    /** The database; an empty url means the embedded MariaDB under data.dir. */
    public record Db(String url, String user, String password, int poolSize, Duration connectTimeout,
                     int embeddedPort, String embeddedBufferPool, String embeddedLogFileSize,
                     Duration startPatience) {
        private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("[0-9]{1,6}[KMG]");

        public Db {
            if (!embeddedBufferPool.equals("auto") && !SIZE.matcher(embeddedBufferPool).matches()) {
                throw new ConfigException("invalid value for db.embedded-buffer-pool: '" + embeddedBufferPool
                        + "' (expected auto or a size such as 256M or 1G)");
            }
            if (!SIZE.matcher(embeddedLogFileSize).matches()) {
                throw new ConfigException("invalid value for db.embedded-log-file-size: '" + embeddedLogFileSize
                        + "' (expected a size such as 96M or 256M)");
            }
        }

        public boolean embedded() {
            return url.isEmpty();
        }

        /** The embedded server's sizing: {@code auto} is a quarter of the machine's memory, 128 MiB to 1 GiB. */
        public java.util.List<String> embeddedServerArgs() {
            String pool = embeddedBufferPool;
            if (pool.equals("auto")) {
                long total = totalMemory();
                long quarterMib = Math.max(128, Math.min(1024, total / 4 / (1024 * 1024)));
                pool = quarterMib + "M";
            }
            return java.util.List.of("--innodb-buffer-pool-size=" + pool,
                    "--innodb-log-file-size=" + embeddedLogFileSize);
        }

        private static long totalMemory() {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
            return 512L * 1024 * 1024;
        }

        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
        }
    }

    /** The fallback service levels when the directory gives none. */
    public record Sla(Duration respondWithin, Duration completeWithin, Duration surveyWait) {
    }

    /** The outbox relay. */
    public record OutboxRelay(Duration pollInterval, int batchSize, Duration lease, int maxAttempts,
                              Duration backoffInitial, Duration backoffMax) {
    }

    /** The deadline scheduler. */
    public record Scheduler(Duration pollInterval, Duration lease, int parallel) {
    }

    /** The SMPP ESME bind. */
    public record Smpp(boolean enabled, String host, int port, String systemId, String password, String systemType,
                       String bindType, String sourceAddress, int submitRate, int window, int binds,
                       int inboundLimit, Duration inboundWindow, Duration groupCommitWait, int groupCommitMax,
                       Duration reassemblyTimeout, Duration dedupWindow, Duration redeliveryWindow,
                       boolean journal, ReplyHold replyHold) {
        @Override
        public String toString() {
            return "Smpp[enabled=" + enabled + ", host=" + host + ", port=" + port + ", systemId=" + systemId + "]";
        }
    }

    /**
     * {@code smpp.reply-hold.*}: a resident's text in words that answers a recent order waits for an agent instead of
     * becoming a new order (ADR 0024).
     */
    public record ReplyHold(boolean enabled, Duration askedWithin, Duration afterAnswer, Duration decideWithin) {
        static ReplyHold from(ConfigSource c) {
            return new ReplyHold(c.bool("smpp.reply-hold.enabled"),
                    c.duration("smpp.reply-hold.asked-within", Duration.ZERO),
                    c.duration("smpp.reply-hold.after-answer", Duration.ZERO),
                    c.duration("smpp.reply-hold.decide-within", Duration.ofMinutes(1)));
        }
    }

    /** The FastAGI server and its call scripts. */
    public record Agi(boolean enabled, String bind, int port, List<String> allowedHosts, String queue,
                      String priorityQueue, int terminalQueuePriority, String greeting, boolean menu,
                      String openingHours, ZoneId timeZone, String terminalsFile, int recentOrders,
                      Duration laneWait, Duration idleTimeout) {
        static Agi from(ConfigSource c) {
            ZoneId zone;
            try {
                zone = ZoneId.of(c.text("agi.time-zone"));
            } catch (DateTimeException e) {
                throw new ConfigException("invalid value for agi.time-zone: '" + c.text("agi.time-zone")
                        + "' (expected an IANA zone such as Asia/Shanghai; from " + c.originOf("agi.time-zone") + ")");
            }
            String hours = c.text("agi.opening-hours");
            if (!hours.isEmpty() && !hours.matches("([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]")) {
                throw new ConfigException("invalid value for agi.opening-hours: '" + hours
                        + "' (expected HH:MM-HH:MM or empty; from " + c.originOf("agi.opening-hours") + ")");
            }
            return new Agi(c.bool("agi.enabled"), c.text("agi.bind"), c.port("agi.port"),
                    c.list("agi.allowed-hosts"), c.text("agi.queue"), c.text("agi.priority-queue"),
                    c.integer("agi.terminal-queue-priority", 0, 1000), c.text("agi.greeting"), c.bool("agi.menu"),
                    hours, zone, c.text("agi.terminals-file"), c.integer("agi.recent-orders", 0, 100),
                    c.duration("agi.lane-wait", Duration.ofMillis(1)),
                    c.duration("agi.idle-timeout", Duration.ofSeconds(1)));
        }
    }

    /** The partner network: providers, offers, the partner API. */
    public record Partners(boolean enabled, boolean sampleProviders, Duration acceptTimeout,
                           Duration departmentSignTimeout, String defaultDistrict, Duration webhookTimeout,
                           Duration providerCache, Duration loadCache, String devKeySeed, int reminderAt,
                           Duration maxExtension, int maxExtensions, int ratingPriorWeight, boolean surveyByCall,
                           AfterHours afterHours, int dispatchShare, int dispatchTogether,
                           int answerHolders, FirstOffers firstOffers) {
        @Override
        public String toString() {
            return "Partners[enabled=" + enabled + ", acceptTimeout=" + acceptTimeout + ", devKeySeed="
                    + (devKeySeed.isEmpty() ? "" : "***") + "]";
        }
    }

    /**
     * {@code partners.first-offers.*} (ADR 0041): {@code order} promise or fifo; {@code promise}, the time within which
     * an order should be offered; {@code lateShare}, the percent of dispatch slots that always go to the oldest late.
     */
    public record FirstOffers(String order, Duration promise, int lateShare) {
    }

    /** The AMI client: call control (originate) and queue events. */
    public record Ami(boolean enabled, String host, int port, String username, String password,
                      Duration reconnectInitial, Duration reconnectMax, Duration answeredWithin,
                      Duration originateTimeout, String callbackChannel, String surveyContext,
                      String clickToCallContext, String agentChannel, String bridgeContext,
                      String transferContext, String conferenceContext) {
        static Ami from(ConfigSource c) {
            Duration ms1 = Duration.ofMillis(1);
            String channel = c.text("ami.callback-channel");
            if (!channel.contains("{number}")) {
                throw new ConfigException("invalid value for ami.callback-channel: '" + channel
                        + "' (must contain {number}; from " + c.originOf("ami.callback-channel") + ")");
            }
            String agent = c.text("ami.agent-channel");
            if (!agent.contains("{extension}")) {
                throw new ConfigException("invalid value for ami.agent-channel: '" + agent
                        + "' (must contain {extension}; from " + c.originOf("ami.agent-channel") + ")");
            }
            return new Ami(c.bool("ami.enabled"), c.text("ami.host"), c.port("ami.port"), c.text("ami.username"),
                    c.text("ami.password"), c.duration("ami.reconnect-initial", ms1),
                    c.duration("ami.reconnect-max", ms1), c.duration("ami.answered-within", Duration.ofSeconds(1)),
                    c.duration("ami.originate-timeout", Duration.ofMillis(100)), channel,
                    c.text("ami.survey-context"), c.text("ami.click-to-call-context"), agent,
                    c.text("ami.bridge-context"), c.text("ami.transfer-context"), c.text("ami.conference-context"));
        }

        @Override
        public String toString() {
            return "Ami[enabled=" + enabled + ", host=" + host + ", port=" + port + ", username=" + username + "]";
        }
    }
}
