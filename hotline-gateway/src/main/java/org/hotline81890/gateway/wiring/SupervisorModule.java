package org.hotline81890.gateway.wiring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.vertx.ext.web.Router;
import org.hotline81890.gateway.channel.ami.AmiAgentOversight;
import org.hotline81890.gateway.channel.ami.AmiConnector;
import org.hotline81890.gateway.channel.ami.AmiQueueStatus;
import org.hotline81890.gateway.channel.web.Pages;
import org.hotline81890.gateway.channel.web.SupervisorChartRoutes;
import org.hotline81890.gateway.channel.web.SupervisorOversightRoutes;
import org.hotline81890.gateway.channel.web.SupervisorProviderRoutes;
import org.hotline81890.gateway.channel.web.SupervisorWallboard;
import org.hotline81890.gateway.channel.web.SupervisorDesk;
import org.hotline81890.gateway.channel.web.SupervisorRoutes;
import org.hotline81890.gateway.dispatch.ProviderCache;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.schedule.DeadlineHandler;
import org.hotline81890.gateway.storage.mysql.MySqlAuditLog;
import org.hotline81890.gateway.storage.mysql.MySqlCallRecords;
import org.hotline81890.gateway.storage.mysql.MySqlKpiCharts;
import org.hotline81890.gateway.storage.mysql.MySqlOrderCounts;
import org.hotline81890.gateway.storage.mysql.MySqlOversightAudit;
import org.hotline81890.gateway.storage.mysql.MySqlSupervisionNotices;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.storage.mysql.MySqlHeldReplies;
import org.hotline81890.gateway.supervision.ReplyDeadline;
import org.hotline81890.gateway.supervision.Supervision;
import org.hotline81890.gateway.supervision.SupervisionList;
import org.hotline81890.gateway.voice.AgentOversight;
import org.hotline81890.gateway.voice.CallRecords;
import org.hotline81890.gateway.voice.QueueStatus;

/**
 * The supervisor desk (督办) at {@code /supervisor}: the 督办 list and its actions on the partner network's use
 * cases, the 督办单's deadlines, the wallboard (the queue through the voice module's AMI link), and the audit of who
 * saw residents' data, and the own deadlines of residents' SMS replies held for an agent (ADR 0053). Built after
 * {@link PartnerModule} and {@link VoiceModule}.
 */
public final class SupervisorModule implements HotlineModule {
    private final Core core;
    private final Supervision supervision;
    private final ReplyDeadline replyDeadline;
    private final SupervisorDesk desk;

    private final SupervisorWallboard wallboard;
    private final SupervisorOversightRoutes oversight;
    private final ProviderCache providerCache;

    public SupervisorModule(Core core, PartnerModule partners, VoiceModule voice) {
        this.core = core;
        this.providerCache = partners.providerCache();
        MySqlSupervisionNotices notices = new MySqlSupervisionNotices(core.database().transactions());
        supervision = new Supervision(partners.locks(), core.store(), core.tracker(), partners.notices(),
                partners.providerCache(), notices, core.deadlines(), core.clock());
        MySqlHeldReplies held = SmsModule.heldReplies(core);
        replyDeadline = new ReplyDeadline(held, core.tracker(), core.deadlines(),
                core.config().smpp().replyHold().decideWithin(), core.clock());
        desk = new SupervisorDesk(core.store(), new SupervisionList(core.store(), partners.extensionRequests(), held),
                partners.offers(), partners.providerCache(), notices, core.directory(), partners.reassignment(),
                supervision);
        Optional<AmiConnector> ami = voice.ami().map(AmiModulePart::connector);
        QueueStatus queue = ami.<QueueStatus>map(c -> new AmiQueueStatus(c, core.config().agi().queue()))
                .orElseGet(() -> Optional::empty);
        CallRecords calls = voice.ami().map(AmiModulePart::callRecords)
                .orElseGet(() -> new MySqlCallRecords(core.database().transactions()));
        wallboard = new SupervisorWallboard(core.vertx(), queue, calls,
                new MySqlOrderCounts(core.database().transactions()),
                partners.enabled() ? Optional.of(partners.kpiReport()) : Optional.empty(), new Pages(),
                core.blocking(), core.clock());
        AgentOversight spy = voice.ami().<AgentOversight>map(a -> new AmiAgentOversight(a.originator(),
                core.config().ami().agentChannel())).orElseGet(() -> (ext, iface, mode) -> Optional.of("AMI 未启用"));
        oversight = new SupervisorOversightRoutes(queue, spy,
                new MySqlOversightAudit(core.database().transactions()), new Pages(), core.blocking(), core.clock());
    }

    public Supervision supervision() {
        return supervision;
    }

    public SupervisorDesk desk() {
        return desk;
    }

    @Override
    public Map<String, DeadlineHandler> deadlineHandlers() {
        return Map.of(Supervision.NOTICE, d -> supervision.onNoticeDue(d.subjectId()),
                HeldReply.DEADLINE, d -> replyDeadline.fire(d.subjectId()));
    }

    @Override
    public List<Consumer<Router>> routes() {
        PersonalDataViews views = new PersonalDataViews(new MySqlAuditLog(core.database().transactions()),
                core.clock());
        MySqlKpiCharts kpis = new MySqlKpiCharts(core.database().transactions());
        return List.of(new SupervisorRoutes(desk, views, new Pages(), core.blocking(), core.clock())::mount,
                wallboard::mount, oversight::mount, new SupervisorChartRoutes(kpis, core.directory(), new Pages(),
                        core.blocking(), core.clock())::mount,
                new SupervisorProviderRoutes(kpis, providerCache, new Pages(), core.blocking(), core.clock())::mount);
    }
}
