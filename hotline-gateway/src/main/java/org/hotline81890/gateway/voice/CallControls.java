package org.hotline81890.gateway.voice;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Use case: the desk's call controls (hang up, blind and attended transfer, three-way call, DTMF). An agent acts
 * only on their own live call, as app_queue reported it: any other call is {@link Result.NotYours} and nothing is
 * sent to the telephony system.
 */
public final class CallControls {
    private static final Pattern TARGET = Pattern.compile("[0-9]{3,20}");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#A-D]{1,20}");
    private final AgentCallLog log;
    private final CallControl telephony;
    private final String transferContext;
    private final String conferenceContext;

    public CallControls(AgentCallLog log, CallControl telephony, String transferContext, String conferenceContext) {
        this.log = log;
        this.telephony = telephony;
        this.transferContext = transferContext;
        this.conferenceContext = conferenceContext;
    }

    public enum Action { HANG_UP, BLIND_TRANSFER, ATTENDED_TRANSFER, THREE_WAY, DTMF }

    /** What the agent asked for; {@code argument} is the target number, or the DTMF digits. */
    public record Request(String extension, String uniqueId, Action action, String argument) {
    }

    public sealed interface Result {
        record Done(Action action) implements Result {
        }

        record NotYours() implements Result {
        }

        /** The target or digits are not acceptable; nothing was sent. */
        record Invalid(String reason) implements Result {
        }

        /** The telephony system refused or could not be reached. */
        record Refused(String reason) implements Result {
        }
    }

    public Result act(Request r) {
        if (r.action() == Action.DTMF && !DIGITS.matcher(r.argument()).matches()) {
            return new Result.Invalid("按键只能是 0-9、*、#");
        }
        boolean needsTarget = r.action() != Action.HANG_UP && r.action() != Action.DTMF;
        if (needsTarget && !TARGET.matcher(r.argument()).matches()) {
            return new Result.Invalid("请填写转接号码（3 到 20 位数字）");
        }
        Optional<AgentCallLog.LiveCall> call = log.live(r.extension(), r.uniqueId());
        if (call.isEmpty()) {
            return new Result.NotYours();
        }
        AgentCallLog.LiveCall c = call.get();
        try {
            switch (r.action()) {
                case HANG_UP -> telephony.hangUp(c.agentChannel());
                case BLIND_TRANSFER -> telephony.blindTransfer(c.agentChannel(), transferContext, r.argument());
                case ATTENDED_TRANSFER -> telephony.attendedTransfer(c.agentChannel(), transferContext, r.argument());
                case THREE_WAY -> telephony.threeWay(c.callerChannel(), c.agentChannel(), conferenceContext,
                        room(c.uniqueId()), transferContext, r.argument());
                case DTMF -> r.argument().chars().forEach(d -> telephony.playDtmf(c.callerChannel(), (char) d));
                default -> throw new IllegalStateException(r.action().name());
            }
        } catch (QueueMembership.Refused e) {
            return new Result.Refused("话务系统拒绝: " + e.getMessage());
        }
        return new Result.Done(r.action());
    }

    /** The conference room of a call: its uniqueid's digits (a dialplan extension). */
    static String room(String uniqueId) {
        return uniqueId.replaceAll("[^0-9]", "");
    }
}
