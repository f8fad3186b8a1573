package org.hotline81890.gateway.wiring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.directory.AreaTree;
import org.hotline81890.directory.load.AreaLoader;
import org.hotline81890.gateway.callback.CallbackCalls;
import org.hotline81890.gateway.callback.Callbacks;
import org.hotline81890.gateway.channel.ami.AgentCallListener;
import org.hotline81890.gateway.channel.ami.AgentRingListener;
import org.hotline81890.gateway.channel.ami.AmiCallControl;
import org.hotline81890.gateway.channel.ami.AmiConnector;
import org.hotline81890.gateway.channel.ami.AmiQueueMembership;
import org.hotline81890.gateway.channel.smpp.intake.SmsReplies;
import org.hotline81890.gateway.channel.web.AgentDeskParts;
import org.hotline81890.gateway.channel.web.LiveDeskStates;
import org.hotline81890.gateway.channel.web.LiveRings;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.delivery.CallbackRequestDelivery;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.desk.CallerProfiles;
import org.hotline81890.gateway.desk.Departments;
import org.hotline81890.gateway.desk.ReplyReview;
import org.hotline81890.gateway.desk.SmsReview;
import org.hotline81890.gateway.desk.TicketDesk;
import org.hotline81890.gateway.matching.DirectoryClassifier;
import org.hotline81890.gateway.storage.mysql.MySqlAgentCallLog;
import org.hotline81890.gateway.storage.mysql.MySqlCallbackRequests;
import org.hotline81890.gateway.sms.ReplyKey;
import org.hotline81890.gateway.storage.mysql.MySqlCallerRecords;
import org.hotline81890.gateway.storage.mysql.MySqlReviewQueue;
import org.hotline81890.gateway.storage.mysql.MySqlTerminalRegistry;
import org.hotline81890.gateway.storage.mysql.MySqlWrapUps;
import org.hotline81890.gateway.voice.AgentCalls;
import org.hotline81890.gateway.voice.AgentSeat;
import org.hotline81890.gateway.voice.CallControl;
import org.hotline81890.gateway.voice.CallControls;
import org.hotline81890.gateway.voice.QueueMembership;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.SurveyCallback;

/**
 * The agent desk's part of the composition root: the ticket form's use case, the seat (queue membership, wrap-up),
 * the agents' calls as app_queue reports them, the call controls and the callback list, all through the voice
 * module's AMI connection when there is one. With AMI off the desk says so instead of pretending.
 */
public final class AgentDeskWiring {
    private AgentDeskWiring() {
    }

    public static AgentDeskParts parts(HotlineConfig cfg, Core core, Optional<AmiConnector> ami,
                                       Departments departments) {
        AreaTree areas = AreaLoader.loadDefault();
        TicketDesk tickets = new TicketDesk(core.store(), core.tracker(), core.directory(), areas,
                new DirectoryClassifier(core.directory(), core.matcher(), core.clock()), core.corrections(),
                departments, core.clock());
        ami.ifPresent(c -> c.addListener(new AgentRingListener(new LiveRings(core.vertx()))));
        QueueMembership queue = ami.<QueueMembership>map(c -> new AmiQueueMembership(c, cfg.agi().queue()))
                .orElseGet(NoTelephony::new);
        CallControl control = ami.<CallControl>map(AmiCallControl::new).orElseGet(NoTelephony::new);
        MySqlWrapUps wrapUps = new MySqlWrapUps(core.database().transactions());
        MySqlAgentCallLog calls = new MySqlAgentCallLog(core.database().transactions());
        AgentSeat seat = new AgentSeat(queue, cfg.ami().agentChannel(), wrapUps, cfg.web().wrapUpCodes(),
                core.clock());
        AgentCalls agentCalls = new AgentCalls(seat, queue, wrapUps, calls, new LiveDeskStates(core.vertx()),
                cfg.web().wrapUpTime(), core.clock());
        ami.ifPresent(c -> c.addListener(new AgentCallListener(agentCalls)));
        MySqlCallbackRequests callbackRequests = new MySqlCallbackRequests(core.database().transactions());
        CallbackCalls callbacks = new CallbackCalls(new Callbacks(callbackRequests, core.clock()), callbackRequests,
                core.outbox());
        return new AgentDeskParts(tickets, core.directory(), core.matcher(), areas, departments, seat,
                new CallControls(calls, control, cfg.ami().transferContext(), cfg.ami().conferenceContext()),
                callbacks, profiles(core), new SmsReview(new MySqlReviewQueue(core.database().transactions()),
                core.store(), core.tracker()), replies(core), cfg.web().wrapUpTime());
    }

    /** The SMS inbox's held replies (ADR 0024); a new request from one is acknowledged as any SMS request is. */
    private static ReplyReview replies(Core core) {
        return new ReplyReview(SmsModule.heldReplies(core), core.store(),
                core.survey(), core.tracker(), core.intake(), w -> List.of(new OutboxMessage(OutboxMessage.SMS,
                        w.callerNumber(), SmsReplies.accepted(w), ReplyKey.of(w.idempotencyKey()))), core.clock());
    }

    /** The screen pop's caller profiles: their records and the one-key terminal registry of the voice intake. */
    private static CallerProfiles profiles(Core core) {
        return new CallerProfiles(core.store(), new MySqlCallerRecords(core.database().transactions()),
                new MySqlTerminalRegistry(core.database().transactions(), core.clock()), core.clock());
    }

    /** The desk's outbox kinds, whatever modules run: a resident unsatisfied with a survey joins the callback list. */
    public static Map<String, OutboxDelivery> deliveries(Core core) {
        return Map.of(SurveyCallback.KIND, new CallbackRequestDelivery(new Callbacks(
                new MySqlCallbackRequests(core.database().transactions()), core.clock())));
    }

    /** With AMI off, every telephony action is refused with the reason. */
    private static final class NoTelephony implements QueueMembership, CallControl {
        private static final String OFF = "AMI 未启用 (ami.enabled)";

        @Override
        public void signIn(String iface, String memberName) {
            throw new Refused(OFF);
        }

        @Override
        public void signOut(String iface) {
            throw new Refused(OFF);
        }

        @Override
        public void pause(String iface, boolean paused, String reason) {
            throw new Refused(OFF);
        }

        @Override
        public void hangUp(String channel) {
            throw new Refused(OFF);
        }

        @Override
        public void blindTransfer(String channel, String context, String exten) {
            throw new Refused(OFF);
        }

        @Override
        public void attendedTransfer(String channel, String context, String exten) {
            throw new Refused(OFF);
        }

        @Override
        public void threeWay(String callerChannel, String agentChannel, String conferenceContext, String room,
                             String dialContext, String exten) {
            throw new Refused(OFF);
        }

        @Override
        public void playDtmf(String channel, char digit) {
            throw new Refused(OFF);
        }
    }
}
