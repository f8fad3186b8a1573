package org.hotline81890.gateway.wiring;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import org.hotline81890.directory.load.AreaLoader;
import org.hotline81890.gateway.channel.http.HealthCheck;
import org.hotline81890.gateway.channel.smpp.session.DeferredResponses;
import org.hotline81890.gateway.channel.smpp.session.DeliverSmListener;
import org.hotline81890.gateway.channel.smpp.pdu.DeliverSmReader;
import org.hotline81890.gateway.delivery.GroupedSubmissions;
import org.hotline81890.gateway.channel.smpp.intake.InboundLimiter;
import org.hotline81890.gateway.channel.smpp.intake.InboundOutcome;
import org.hotline81890.gateway.channel.smpp.intake.InboundSmsHandler;
import org.hotline81890.gateway.channel.smpp.intake.JournalAppender;
import org.hotline81890.gateway.channel.smpp.intake.JournalStage;
import org.hotline81890.gateway.channel.smpp.intake.PartSweeper;
import org.hotline81890.gateway.channel.smpp.intake.Reassembler;
import org.hotline81890.gateway.channel.smpp.intake.ReceiptHandler;
import org.hotline81890.gateway.channel.smpp.session.SmppBind;
import org.hotline81890.gateway.channel.smpp.session.SmppBindConfig.BindKind;
import org.hotline81890.gateway.channel.smpp.session.SmppBindConfig;
import org.hotline81890.gateway.channel.smpp.session.SmppEsmeVerticle;
import org.hotline81890.gateway.delivery.SmsDelivery;
import org.hotline81890.gateway.channel.smpp.intake.SmsIntake;
import org.hotline81890.gateway.channel.smpp.intake.TicketFirst;
import org.hotline81890.gateway.channel.smpp.session.SmsSubmitter;
import org.hotline81890.gateway.channel.smpp.pdu.OutboundSplitter;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.matching.AreaNames;
import org.hotline81890.gateway.matching.DirectoryClassifier;
import org.hotline81890.gateway.sms.ReplyWindow;
import org.hotline81890.gateway.sms.SurveyReplies;
import org.hotline81890.gateway.storage.mysql.MySqlDeadlineStore;
import org.hotline81890.gateway.storage.mysql.MySqlHeldReplies;
import org.hotline81890.gateway.storage.mysql.MySqlInboundJournal;
import org.hotline81890.gateway.storage.mysql.MySqlOutbox;
import org.hotline81890.gateway.storage.mysql.MySqlTicketReservations;
import org.hotline81890.gateway.storage.mysql.Transactions;
import org.hotline81890.gateway.storage.mysql.MySqlPartStore;
import org.hotline81890.gateway.storage.mysql.MySqlReplyEpisodes;
import org.hotline81890.gateway.storage.mysql.MySqlSmsStore;
import org.hotline81890.gateway.workorder.AddressQuestion;
import org.hotline81890.gateway.workorder.JobCommands;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.hotline81890.gateway.workorder.SurveyWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel as a {@link HotlineModule}: the configured binds (smpp.*), inbound texts through
 * {@link SmsIntake} with group commit, outbox rows of kind {@code sms} through {@link SmsDelivery}, delivery
 * receipts onto the submitted parts, and a health check "smpp" (up while at least one bind is bound). Does nothing
 * when smpp.enabled is false.
 */
public final class SmsModule implements HotlineModule {
    /** How long one deliver_sm may take before it is answered "retry" (its commit may still land: same key). */
    public static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** Journal writers, each on a connection of its own: two batches overlap (one forms while one commits). */
    private static final int JOURNAL_WRITERS = Integer.getInteger("hotline.sms.journal.writers", 2);
    private static final int JOURNAL_CLAIM = 500;
    private static final int JOURNAL_STAGE_THREADS = 16;
    /** Connections of the ticket pass and the stage's claims: one each. */
    private static final int JOURNAL_TICKET_LANE = 2;
    private static final int JOURNAL_BUSY_INTAKES = 1;
    /** Texts that waited this long in the journal get every lane: replies well inside GB/T 33358's 3 minutes. */
    private static final Duration JOURNAL_MAX_LAG = Duration.ofSeconds(30);
    private static final Duration JOURNAL_LEASE = Duration.ofSeconds(30);
    /**
     * While the journal's appends are busy the outbox relay takes only rows due this long (ADR 0042): the replies and
     * offers of the stage's orders wait for the burst's end, at most this long. Off (0) by default: measured, it did
     * not move the acks beyond the noise and held replies back (commit → reply p99 1.2 s → 4.5 s, over GB/T 33358's
     * 3 s target of issue 18). Below the outbox's 30 s lease when set.
     */
    public static final Duration OUTBOX_MAX_LAG = Duration.ofMillis(Long.getLong("hotline.outbox.yield-lag-ms", 0));
    private static final Duration JOURNAL_LAG_NORM = Duration.ofMinutes(3);
    private static final Duration KEEP_COMPLETED = Duration.ofDays(1);
    /** While a resident's answer sent in time waits behind the journal, the survey wait looks again this often. */
    private static final Duration SURVEY_RECHECK = Duration.ofSeconds(5);
    /** How often a survey wait looks again while the resident's answer in words waits for an agent. */
    private static final Duration SURVEY_HELD_RECHECK = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SmsModule.class);

    private record Wiring(SmppEsmeVerticle verticle, ExecutorService threads, SmsDelivery delivery,
                          MySqlPartStore parts, Optional<Journal> journal) {
    }

    /** The intake journal (smpp.journal): what acknowledges, what opens the orders behind it, and its table. */
    private record Journal(JournalAppender appender, JournalStage stage, MySqlInboundJournal rows,
                           MySqlTicketReservations tickets, ExecutorService threads,
                           AtomicReference<Consumer<List<String>>> sendFirst) {
    }

    private final Core core;
    private final Optional<Wiring> wiring;
    private volatile String deploymentId = "";

    public SmsModule(Core core, JobCommands jobs) {
        this.core = core;
        this.wiring = core.config().smpp().enabled() ? Optional.of(wire(core, jobs)) : Optional.empty();
    }

    private static Wiring wire(Core core, JobCommands jobs) {
        HotlineConfig.Smpp cfg = core.config().smpp();
        var tx = core.database().transactions();
        MySqlSmsStore sms = new MySqlSmsStore(tx, core.clock());
        SmsIntake smsIntake = new SmsIntake(new SmsIntake.Parts(core.intake(), core.store(), core.survey(),
                core.outbox(), jobs, sms, sms, new InboundLimiter(cfg.inboundLimit(), cfg.inboundWindow(),
                core.clock()), core.dedupWindow(), new MySqlReplyEpisodes(tx, core.clock(), cfg.redeliveryWindow()),
                new AddressQuestion(core.store(), core.tracker(), code -> core.directory().find(code)
                        .map(s -> s.questions().stream().anyMatch(q -> q.code().equals("address"))).orElse(false),
                        jobs::addressNotice, new AreaNames(AreaLoader.loadDefault())::in), core.clock()),
                Optional.of(surveyReplies(core)));
        MySqlPartStore parts = new MySqlPartStore(tx, core.clock());
        Reassembler reassembler = new Reassembler(parts, core.clock(),
                cfg.reassemblyTimeout(), "smsc");
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        ReceiptHandler receipts = r -> {
            try {
                sms.applyReceipt(r);
                return new InboundOutcome.Committed("receipt " + r.messageId());
            } catch (StorageUnavailableException e) {
                return new InboundOutcome.Retry(e.getMessage());
            }
        };
        Optional<Journal> journal = cfg.journal() ? Optional.of(journal(core, smsIntake)) : Optional.empty();
        InboundSmsHandler inbound = journal.<InboundSmsHandler>map(Journal::appender).orElse(smsIntake);
        DeliverSmListener listener = new DeliverSmListener(new DeliverSmReader(Optional.empty()), reassembler,
                inbound, receipts, threads, core.clock(), HANDLER_TIMEOUT, DeferredResponses::defer);
        SmppEsmeVerticle verticle = new SmppEsmeVerticle(bindConfigs(cfg), listener,
                new PartSweeper(reassembler, inbound), Duration.ofSeconds(5));
        SmsSubmitter submitter = new SmsSubmitter(verticle.binds(), new OutboundSplitter(false), 5,
                Duration.ofMillis(200), Duration.ofSeconds(5));
        SmsDelivery delivery = new SmsDelivery(submitter, new GroupedSubmissions(sms), sms);
        return new Wiring(verticle, threads, delivery, parts, journal);
    }

    /**
     * The journal's appends on a lane of their own (multi-statement: the COMMIT rides with the INSERT), the stage
     * over the same {@link SmsIntake} that otherwise runs before the ack.
     */
    private static Journal journal(Core core, SmsIntake intake) {
        HotlineConfig.Smpp cfg = core.config().smpp();
        // The ticket pass and the stage's claims on a lane of their own (ADR 0050): on the shared pool the pass
        // waited up to its 2 s timeout behind the relay's deliveries (20 busy, 100 waiting, docs/sms.md).
        var tickets = core.database().committerLane(JOURNAL_TICKET_LANE).transactions();
        MySqlInboundJournal rows = new MySqlInboundJournal(core.database().committerLane(JOURNAL_WRITERS)
                .transactions(), tickets, core.clock());
        // Platform threads of its own, not the handlers' virtual threads: the matcher's native code holds a carrier
        // while it runs, and a stage draining a backlog on the carriers starved the acks (docs/sms.md).
        ExecutorService stageThreads = Executors.newFixedThreadPool(JOURNAL_STAGE_THREADS,
                Thread.ofPlatform().daemon().name("sms-journal-intake-", 0).factory());
        JournalStage stage = new JournalStage(rows, intake, stageThreads, core.clock(), JOURNAL_CLAIM, JOURNAL_LEASE);
        MySqlTicketReservations reservations = new MySqlTicketReservations(tickets, new SecureRandom());
        // Ticket first (ADR 0047): the reply with the ticket is queued before the matcher runs; off only to measure.
        // Reply first (ADR 0050): the pass before the matcher's lanes, the reply in the relay's lane ahead of the
        // claim's order once its row is committed; off only to measure.
        boolean replyFirst = Boolean.parseBoolean(System.getProperty("hotline.sms.reply-first", "true"));
        AtomicReference<Consumer<List<String>>> sendFirst = new AtomicReference<>(keys -> { });
        if (Boolean.parseBoolean(System.getProperty("hotline.sms.ticket-first", "true"))) {
            // The pass's reply-window read on the pass's lane too (ADR 0054); false only to measure.
            SmsIntake passIntake = Boolean.parseBoolean(System.getProperty("hotline.sms.pass-window-lane", "true"))
                    ? intake.withReplyWindow(surveyReplies(core, tickets)) : intake;
            // A pass's reservations, replies and marks in one commit on the lane (ADR 0054); false only to measure.
            Consumer<Runnable> oneCommit = Boolean.parseBoolean(System.getProperty("hotline.sms.pass-one-commit",
                    "true")) ? work -> tickets.inTransaction(c -> {
                        work.run();
                        return null;
                    }) : Runnable::run;
            stage.ticketFirst(new TicketFirst(passIntake, reservations, new MySqlOutbox(tickets, core.clock()),
                    core.clock(), replyFirst ? keys -> sendFirst.get().accept(keys) : keys -> { }, oneCommit));
        }
        stage.ticketsBeforeMatcher(replyFirst);
        JournalAppender appender = new JournalAppender(rows, cfg.groupCommitMax(), JOURNAL_WRITERS, HANDLER_TIMEOUT,
                stage::wake, DeferredResponses::together);
        // Acks first: while texts are being journaled, one intake at a time (docs/sms.md, "Acks first").
        stage.yieldTo(appender::busy, Integer.getInteger("hotline.sms.journal.busy-intakes", JOURNAL_BUSY_INTAKES),
                JOURNAL_MAX_LAG);
        Gauge.builder("hotline.sms.journal.pending", stage, s -> s.lag().pending())
                .description("SMS texts acknowledged but not yet turned into work orders").register(core.registry());
        Gauge.builder("hotline.sms.journal.oldest.age", stage, s -> s.lag().age(core.clock().instant()).toMillis()
                / 1000.0).baseUnit("seconds").description("How long the oldest unprocessed SMS has waited")
                .register(core.registry());
        return new Journal(appender, stage, rows, reservations, stageThreads, sendFirst);
    }

    /**
     * The survey-wait deadline's handling (ADR 0036): it closes an order as "no reply" only once no text the
     * resident sent before the deadline is still waiting in the journal, or still being written into it (up to the
     * appender's timeout after its arrival; a text refused then arrives anew when the SMSC redelivers it), and no
     * answer in words that arrived by the deadline still waits for an agent (ADR 0024), for at most
     * smpp.reply-hold.decide-within from its arrival (ADR 0049).
     */
    public static SurveyWait surveyWait(Core core) {
        HotlineConfig.Smpp cfg = core.config().smpp();
        var tx = core.database().transactions();
        return new SurveyWait(core.store(), core.tracker(), core.deadlines(), MySqlDeadlineStore.WORK_ORDER,
                new MySqlInboundJournal(tx, tx, core.clock()), heldReplies(core),
                cfg.enabled() && cfg.journal() ? HANDLER_TIMEOUT : Duration.ZERO, SURVEY_RECHECK,
                SURVEY_HELD_RECHECK, cfg.replyHold().decideWithin(), core.clock());
    }

    /** The texts held for an agent, each with its own deadline of smpp.reply-hold.decide-within (ADR 0053). */
    public static MySqlHeldReplies heldReplies(Core core) {
        return heldReplies(core, core.database().transactions());
    }

    /** As above, through {@code tx} (the ticket pass's own connections, ADR 0054). */
    private static MySqlHeldReplies heldReplies(Core core, Transactions tx) {
        return new MySqlHeldReplies(tx, core.clock(), core.config().smpp().replyHold().decideWithin());
    }

    /** Texts in words answering a recent order wait for an agent (smpp.reply-hold, ADR 0024). */
    private static SurveyReplies surveyReplies(Core core) {
        return surveyReplies(core, core.database().transactions());
    }

    /** As above, reading the held replies and the window's orders through {@code tx}. */
    private static SurveyReplies surveyReplies(Core core, Transactions tx) {
        HotlineConfig.ReplyHold cfg = core.config().smpp().replyHold();
        return new SurveyReplies(heldReplies(core, tx),
                new DirectoryClassifier(core.directory(), core.matcher(), core.clock()),
                new ReplyWindow(cfg.enabled(), cfg.askedWithin(), cfg.afterAnswer()), core.clock());
    }

    /** smpp.binds binds, each one transceiver or a receiver plus a transmitter (smpp.bind-type). */
    static List<SmppBindConfig> bindConfigs(HotlineConfig.Smpp cfg) {
        List<SmppBindConfig> out = new ArrayList<>();
        List<BindKind> kinds = "transceiver".equals(cfg.bindType()) ? List.of(BindKind.TRANSCEIVER)
                : List.of(BindKind.RECEIVER, BindKind.TRANSMITTER);
        for (int i = 1; i <= cfg.binds(); i++) {
            for (BindKind kind : kinds) {
                out.add(new SmppBindConfig("smsc-" + i + (kinds.size() > 1 ? "-" + kind.name().toLowerCase() : ""),
                        cfg.host(), cfg.port(), cfg.systemId(), cfg.password(), cfg.systemType(), kind,
                        cfg.sourceAddress(), cfg.submitRate(), cfg.window(), Duration.ofSeconds(30),
                        Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(30)));
            }
        }
        return out;
    }

    @Override
    public Map<String, OutboxDelivery> deliveries() {
        return wiring.<Map<String, OutboxDelivery>>map(w -> Map.of(OutboxMessage.SMS, w.delivery()))
                .orElse(Map.of());
    }

    @Override
    public Optional<BooleanSupplier> acksBusy() {
        return wiring.flatMap(Wiring::journal).map(j -> j.appender()::busy);
    }

    /** The replies with their tickets go first in the relay (ADR 0050). */
    @Override
    public void sendFirst(Consumer<List<String>> send) {
        wiring.flatMap(Wiring::journal).ifPresent(j -> j.sendFirst().set(send));
    }

    @Override
    public List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>();
        wiring.ifPresent(w -> {
            checks.add(new HealthCheck("smpp", () -> w.verticle().binds().stream()
                    .anyMatch(b -> b.state() == SmppBind.State.BOUND)));
            // Informative: a burst may put the journal behind; the reply norm (GB/T 33358) is 3 minutes.
            w.journal().ifPresent(j -> checks.add(HealthCheck.informative("sms-journal", () -> j.stage().lag()
                    .age(core.clock().instant()).compareTo(JOURNAL_LAG_NORM) < 0)));
        });
        return checks;
    }

    /** The binds (empty when SMS is disabled), for tests and the admin view. */
    public List<SmppBind> binds() {
        return wiring.map(w -> w.verticle().binds()).orElse(List.of());
    }

    @Override
    public void start() {
        wiring.ifPresent(w -> {
            deploymentId = core.vertx().deployVerticle(w.verticle(),
                    new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD)).await();
            // Completed parts are kept for redeliveries; after a day no SMSC redelivers them any more.
            core.vertx().setPeriodic(PURGE_EVERY.toMillis(), id -> core.blocking().run(() -> w.parts()
                    .purgeCompletedBefore(core.clock().instant().minus(KEEP_COMPLETED)))
                    .onFailure(e -> LOG.warn("Purging completed SMS parts failed, will try again", e)));
            w.journal().ifPresent(j -> {
                j.stage().start();
                core.vertx().setPeriodic(PURGE_EVERY.toMillis(), id -> core.blocking().run(() -> j.rows()
                        .purgeDoneBefore(core.clock().instant().minus(KEEP_COMPLETED)))
                        .onFailure(e -> LOG.warn("Purging processed SMS journal rows failed, will try again", e)));
                core.vertx().setPeriodic(PURGE_EVERY.toMillis(), id -> core.blocking().run(() -> j.tickets()
                        .purgeBefore(core.clock().instant().minus(KEEP_COMPLETED)))
                        .onFailure(e -> LOG.warn("Purging SMS ticket reservations failed, will try again", e)));
            });
        });
    }

    @Override
    public void close() {
        wiring.ifPresent(w -> {
            if (!deploymentId.isEmpty()) {
                core.vertx().undeploy(deploymentId).await();
            }
            w.journal().ifPresent(j -> {
                j.appender().close();
                j.stage().close();
                j.threads().close();
            });
            w.threads().close();
        });
    }
}
