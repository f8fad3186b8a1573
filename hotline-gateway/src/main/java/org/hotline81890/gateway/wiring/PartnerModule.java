package org.hotline81890.gateway.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.vertx.ext.web.Router;
import org.hotline81890.directory.load.FeeLoader;
import org.hotline81890.gateway.channel.http.PartnerRoutes;
import org.hotline81890.gateway.channel.http.SupervisorRoutes;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.delivery.DispatchDelivery;
import org.hotline81890.gateway.delivery.NothingToDoDelivery;
import org.hotline81890.gateway.delivery.OfferWithdrawalDelivery;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.delivery.SurveyScoreDelivery;
import org.hotline81890.gateway.delivery.WebhookDelivery;
import org.hotline81890.gateway.desk.Departments;
import org.hotline81890.gateway.dispatch.ApiKeys;
import org.hotline81890.gateway.dispatch.DirectoryCatalog;
import org.hotline81890.gateway.dispatch.DispatchOutcomes;
import org.hotline81890.gateway.dispatch.JobCompletion;
import org.hotline81890.gateway.dispatch.JobFacts;
import org.hotline81890.gateway.dispatch.Onboarding;
import org.hotline81890.gateway.dispatch.PublishingOffers;
import org.hotline81890.gateway.channel.web.LiveOffers;
import org.hotline81890.gateway.channel.web.ProviderDesk;
import org.hotline81890.gateway.channel.http.KpiReport;
import org.hotline81890.gateway.dispatch.LoadCachingOffers;
import org.hotline81890.gateway.dispatch.OfferIds;
import org.hotline81890.gateway.dispatch.OfferMessages;
import org.hotline81890.gateway.dispatch.OfferNotices;
import org.hotline81890.gateway.dispatch.OfferLocks;
import org.hotline81890.gateway.dispatch.PartnerFlow;
import org.hotline81890.gateway.dispatch.ProviderCache;
import org.hotline81890.gateway.dispatch.ProviderDepartments;
import org.hotline81890.gateway.dispatch.ProviderRatings;
import org.hotline81890.gateway.dispatch.RatedProviderStore;
import org.hotline81890.gateway.dispatch.RatingUpdates;
import org.hotline81890.gateway.dispatch.Reassignment;
import org.hotline81890.gateway.dispatch.SmsJobCommands;
import org.hotline81890.gateway.matching.ServicePromises;
import org.hotline81890.gateway.schedule.DeadlineHandler;
import org.hotline81890.gateway.storage.files.DataDirPhotoFiles;
import org.hotline81890.gateway.storage.mysql.MySqlCompletionRecords;
import org.hotline81890.gateway.storage.mysql.MySqlExtensionRequests;
import org.hotline81890.gateway.storage.mysql.MySqlHeldJobs;
import org.hotline81890.gateway.storage.mysql.MySqlOfferLocks;
import org.hotline81890.gateway.storage.mysql.MySqlOfferStore;
import org.hotline81890.gateway.storage.mysql.MySqlOfferKpis;
import org.hotline81890.gateway.storage.mysql.MySqlOfferSurveys;
import org.hotline81890.gateway.storage.mysql.MySqlProviderOffers;
import org.hotline81890.gateway.storage.mysql.MySqlProviderKeys;
import org.hotline81890.gateway.storage.mysql.MySqlProviderRatings;
import org.hotline81890.gateway.storage.mysql.MySqlProviderStore;
import org.hotline81890.gateway.storage.mysql.Transactions;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.JobCommands;
import org.hotline81890.gateway.workorder.OfferWithdrawal;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.SurveyScore;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.dispatch.BalancedDispatchPolicy;
import org.hotline81890.partners.flow.Dispatcher;
import org.hotline81890.partners.flow.PartnerActions;
import org.hotline81890.partners.importer.ImportResult;
import org.hotline81890.partners.offer.HandlingDeadlines;
import org.hotline81890.partners.offer.OfferTerms;
import org.hotline81890.partners.offer.ReminderSchedule;
import org.hotline81890.partners.rating.BayesianRating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partner network in the gateway: dispatch (outbox kind "dispatch"), signed webhooks (kind "webhook"), offer and
 * transfer deadlines, the partner API, supervisor KPIs and the SMS job commands. Loads the sample providers into an
 * empty provider table at start-up.
 */
public final class PartnerModule implements HotlineModule {
    public static final String SAMPLE = "/providers/providers.csv";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerModule.class);
    private final Core core;
    private final HotlineConfig.Partners cfg;
    private final MySqlProviderStore providerStore;
    private final MySqlOfferStore offerStore;
    private final MySqlProviderKeys keys;
    private final ProviderCache providers;
    private final PartnerFlow flow;
    private final JobFacts facts;
    private final OfferNotices notices;
    private final RatedProviderStore ratedProviders;
    private final RatingUpdates ratingUpdates;
    private final OfferMessages messages;
    private final MySqlExtensionRequests extensionRequests;
    private final Reassignment reassignment;
    private final MySqlOfferLocks locks;
    /** Locked decisions at once (MySqlOfferLocks); dispatch rows take at most three quarters of them. */
    private final int lockHolders;
    private final Onboarding onboarding;
    private final JobCompletion completion;

    public PartnerModule(Core core) {
        this.core = core;
        this.cfg = core.config().partners();
        Transactions tx = core.database().transactions();
        providerStore = new MySqlProviderStore(tx);
        ReminderSchedule reminders = new ReminderSchedule(cfg.reminderAt());
        offerStore = new MySqlOfferStore(tx, offer -> OfferNotices.arms(reminders, offer));
        // The caches' ttls run on wall time: a simulated clock at 60x must not re-read sixty times as often (ADR 0037).
        keys = new MySqlProviderKeys(tx, cfg.providerCache(), core.clock(), System::nanoTime);
        ProviderRatings ratings = new MySqlProviderRatings(tx);
        ratedProviders = new RatedProviderStore(providerStore, ratings, new BayesianRating(cfg.ratingPriorWeight()));
        providers = new ProviderCache(ratedProviders, cfg.providerCache(), System::nanoTime,
                reload -> Thread.ofVirtual().name("provider-cache-reload").start(reload));
        OfferTerms terms = new OfferTerms(cfg.acceptTimeout(), Map.of(), cfg.departmentSignTimeout(),
                cfg.maxExtensions(), cfg.maxExtension(), Duration.ofDays(30));
        LoadCachingOffers loadCaching = new LoadCachingOffers(new PublishingOffers(offerStore, core.store(),
                new LiveOffers(core.vertx())), cfg.loadCache(), core.clock(), System::nanoTime);
        HandlingDeadlines handling = new HandlingDeadlines(cfg.afterHours().holidays(),
                cfg.afterHours().workdays());
        Dispatcher dispatcher = new Dispatcher(providers, loadCaching, new BalancedDispatchPolicy(), terms,
                handling, core.clock(), new OfferIds(), cfg.afterHours(), new MySqlHeldJobs(tx));
        facts = new JobFacts(core.directory(), cfg.defaultDistrict());
        messages = new OfferMessages(core.clock(),
                cfg.surveyByCall() && core.config().ami().enabled());
        DispatchOutcomes outcomes = new DispatchOutcomes(core.store(), core.tracker(), core.deadlines(), providers,
                messages, facts, new ServicePromises(core.directory()));
        // Half the pool (was a quarter: 2 of the default 10, the queue every dispatch, offer expiry and partner-API
        // answer waited in at the simulated day's 41.7 requests a second; docs/simulated-day.md, 2026-12-05 15:00).
        lockHolders = Math.max(1, core.config().db().poolSize() / 2);
        MySqlOfferLocks locks = new MySqlOfferLocks(tx, lockHolders);
        ratingUpdates = new RatingUpdates(loadCaching, ratings, core.clock());
        notices = new OfferNotices(reminders, locks, loadCaching, core.store(), core.outbox(), core.deadlines(),
                providers, messages, facts, core.clock());
        extensionRequests = new MySqlExtensionRequests(tx);
        // The providers' answers on holders of their own, not behind dispatch groups (ADR 0048); 0 shares them.
        OfferLocks answerLocks = cfg.answerHolders() == 0 ? locks : new MySqlOfferLocks(tx, cfg.answerHolders());
        flow = new PartnerFlow(locks, answerLocks, offerStore, dispatcher,
                new PartnerActions(loadCaching, terms, core.clock()), outcomes, core.tracker(), core.outbox(),
                core.deadlines(), providers, messages, facts, extensionRequests, core.clock());
        // The supervisor's (督办) use cases on offers; SupervisorModule builds the desk on them.
        reassignment = new Reassignment(locks, offerStore, dispatcher, new PartnerActions(loadCaching, terms,
                core.clock()), outcomes, core.tracker(), core.deadlines(), providers, notices, messages, facts,
                extensionRequests, core.clock());
        this.locks = locks;
        completion = new JobCompletion(flow, new MySqlCompletionRecords(tx),
                new DataDirPhotoFiles(core.config().data().dir()), core.clock());
        onboarding = new Onboarding(providerStore, keys, providerStore, new DirectoryCatalog(core.directory()),
                providers::invalidate, core.clock());
        if (cfg.enabled() && cfg.sampleProviders() && providerStore.isEmpty()) {
            loadSample();
        }
        if (cfg.enabled() && !cfg.devKeySeed().isEmpty()) {
            deriveDevKeys();
        }
    }

    /**
     * DEV ONLY, on every start: every provider in the table (sample, imported or onboarded) gets the key derived from
     * {@code partners.dev-key-seed}; registering an existing one again changes nothing (issue 14: it used to work
     * only on an empty table and silently did nothing later).
     */
    private void deriveDevKeys() {
        List<Provider> all = providerStore.all();
        all.forEach(p -> {
            String key = ApiKeys.derive(cfg.devKeySeed(), p.id());
            keys.add(p.id(), ApiKeys.hash(key), ApiKeys.prefix(key), core.clock().instant());
        });
        LOG.warn("DEV ONLY: partner-API keys derived from partners.dev-key-seed for all {} providers; never set it "
                + "in production", all.size());
    }

    private void loadSample() {
        try (InputStream in = PartnerModule.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                LOG.warn("no sample providers in the jar ({}); the provider table stays empty", SAMPLE);
                return;
            }
            switch (importProviders(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                case ImportResult.Valid v -> {
                    LOG.info("loaded {} sample providers", v.providers().size());
                }
                case ImportResult.Invalid i -> throw new IllegalStateException("the sample providers do not load: "
                        + i.errors());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sample providers", e);
        }
    }

    /** Parses a provider CSV; saves all of it in one transaction when every row is valid, nothing otherwise. */
    public ImportResult importProviders(String csv) {
        return onboarding.importCsv(csv);
    }

    /** Onboarding providers: the admin page's and the CLI's use case. */
    public Onboarding onboarding() {
        return onboarding;
    }

    public void saveProviders(List<Provider> list) {
        providerStore.saveAll(list);
        providers.invalidate();
    }

    /** Registers a partner-API key for the provider (only its hash is stored). */
    public void registerKey(ProviderId provider, String key) {
        keys.add(provider, ApiKeys.hash(key), core.clock().instant());
    }

    /** Completing a job on a desk, with who did it and the photo (issue 14). */
    public JobCompletion completion() {
        return completion;
    }

    public PartnerFlow flow() {
        return flow;
    }

    public MySqlOfferStore offers() {
        return offerStore;
    }

    public JobCommands jobCommands() {
        return cfg.enabled() ? new SmsJobCommands(providerStore, core.store(), offerStore, flow, facts,
                messages)
                : JobCommands.NONE;
    }

    /** The provider as dispatch sees it now (its rating includes the survey scores). */
    public Optional<Provider> provider(ProviderId id) {
        return providers.find(id);
    }

    /** What the provider desks read (issue 14): offers, jobs, history with surveys, the scorecard. */
    public ProviderDesk desk() {
        MySqlOfferSurveys surveys = new MySqlOfferSurveys(core.database().transactions());
        return new ProviderDesk(offerStore, core.store(), facts, new KpiReport(offerStore, surveys, ratedProviders,
                new MySqlOfferKpis(core.database().transactions())),
                surveys, completion, FeeLoader.loadDefault(core.directory()), core.clock());
    }

    public OfferNotices notices() {
        return notices;
    }

    /** For the supervisor desk (SupervisorModule). */
    public Reassignment reassignment() {
        return reassignment;
    }

    MySqlOfferLocks locks() {
        return locks;
    }

    ProviderCache providerCache() {
        return providers;
    }

    /** The departments the agent desk may transfer to (转办); none while the partner network is off. */
    public Departments departments() {
        return cfg.enabled() ? new ProviderDepartments(providers) : Departments.NONE;
    }

    public MySqlExtensionRequests extensionRequests() {
        return extensionRequests;
    }

    boolean enabled() {
        return cfg.enabled();
    }

    /** The KPIs over offers and surveys (the supervisors' JSON and the wallboard's 响应率 / 解决率 / 满意率). */
    KpiReport kpiReport() {
        return new KpiReport(offerStore, new MySqlOfferSurveys(core.database().transactions()), ratedProviders,
                new MySqlOfferKpis(core.database().transactions()),
                new MySqlProviderOffers(core.database().transactions()));
    }

    @Override
    public Map<String, OutboxDelivery> deliveries() {
        if (!cfg.enabled()) {
            // Dispatch rows do fail here: the order needs someone to take it.
            NothingToDoDelivery off = new NothingToDoDelivery("partner network off");
            return Map.of(SurveyScore.KIND, off, OfferWithdrawal.KIND, off);
        }
        return Map.of(Dispatch.KIND, new DispatchDelivery(flow,
                Math.max(1, lockHolders - lockHolders * (100 - cfg.dispatchShare()) / 100), cfg.dispatchTogether()),
                OutboxMessage.WEBHOOK, new WebhookDelivery(providers, cfg.webhookTimeout(), core.clock(),
                        id -> offerStore.find(id).map(org.hotline81890.partners.offer.Offer::state),
                        offerStore::states, providerStore),
                SurveyScore.KIND, new SurveyScoreDelivery(ratingUpdates),
                OfferWithdrawal.KIND, new OfferWithdrawalDelivery(notices));
    }

    @Override
    public Map<String, DeadlineHandler> deadlineHandlers() {
        if (!cfg.enabled()) {
            return Map.of();
        }
        return Map.of(DispatchOutcomes.OFFER, d -> {
            if (OfferNotices.REMIND.equals(d.kind())) {
                notices.onAcceptReminder(OfferIds.ofSubject(d.subjectId()));
            } else {
                // one read of the offer for both: the safety net and whether a locked decision is needed at all
                Optional<org.hotline81890.partners.offer.Offer> seen = offerStore.find(
                        OfferIds.ofSubject(d.subjectId()));
                if (!notices.withdrawIfOrderLeft(seen)) {
                    flow.onAcceptDeadline(seen);
                }
            }
        }, DispatchOutcomes.HOLD, d -> flow.onHoldOver(new WorkOrderId(d.subjectId())),
                DispatchOutcomes.TRANSFER, d -> {
            if (OfferNotices.REMIND.equals(d.kind())) {
                notices.onHandlingReminder(OfferIds.ofSubject(d.subjectId()));
            } else {
                flow.onHandlingDeadline(OfferIds.ofSubject(d.subjectId()));
            }
        });
    }

    @Override
    public List<Consumer<Router>> routes() {
        if (!cfg.enabled()) {
            return List.of();
        }
        KpiReport report = new KpiReport(offerStore, new MySqlOfferSurveys(core.database().transactions()),
                ratedProviders, new MySqlOfferKpis(core.database().transactions()));
        return List.of(new PartnerRoutes(flow, notices, offerStore, core.store(), facts, keys, core.blocking(),
                core.config().ami().enabled(), core.config().http().maxBody())::mount,
                new SupervisorRoutes(report, core.blocking(), core.clock())::mount);
    }
}
