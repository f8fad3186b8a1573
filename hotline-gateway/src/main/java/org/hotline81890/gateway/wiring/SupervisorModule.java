package org.hotline81890.gateway.wiring;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.vertx.ext.web.Router;
import org.hotline81890.gateway.channel.web.Pages;
import org.hotline81890.gateway.channel.web.SupervisorDesk;
import org.hotline81890.gateway.channel.web.SupervisorRoutes;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.schedule.DeadlineHandler;
import org.hotline81890.gateway.storage.mysql.MySqlAuditLog;
import org.hotline81890.gateway.storage.mysql.MySqlSupervisionNotices;
import org.hotline81890.gateway.supervision.Supervision;
import org.hotline81890.gateway.supervision.SupervisionList;

/**
 * The supervisor desk (督办) at {@code /supervisor}: the 督办 list and its actions on the partner network's use
 * cases, the 督办单's deadlines, and the audit of who saw residents' data. Built after {@link PartnerModule}.
 */
public final class SupervisorModule implements HotlineModule {
    private final Core core;
    private final Supervision supervision;
    private final SupervisorDesk desk;

    public SupervisorModule(Core core, PartnerModule partners) {
        this.core = core;
        MySqlSupervisionNotices notices = new MySqlSupervisionNotices(core.database().transactions());
        supervision = new Supervision(partners.locks(), core.store(), core.tracker(), partners.notices(),
                partners.providerCache(), notices, core.deadlines(), core.clock());
        desk = new SupervisorDesk(core.store(), new SupervisionList(core.store(), partners.extensionRequests()),
                partners.offers(), partners.providerCache(), notices, core.directory(), partners.reassignment(),
                supervision);
    }

    public Supervision supervision() {
        return supervision;
    }

    public SupervisorDesk desk() {
        return desk;
    }

    @Override
    public Map<String, DeadlineHandler> deadlineHandlers() {
        return Map.of(Supervision.NOTICE, d -> supervision.onNoticeDue(d.subjectId()));
    }

    @Override
    public List<Consumer<Router>> routes() {
        PersonalDataViews views = new PersonalDataViews(new MySqlAuditLog(core.database().transactions()),
                core.clock());
        return List.of(new SupervisorRoutes(desk, views, new Pages(), core.blocking(), core.clock())::mount);
    }
}
