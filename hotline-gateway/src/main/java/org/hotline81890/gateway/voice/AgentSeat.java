package org.hotline81890.gateway.voice;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What an agent does with the state bar: sign in (paused), go ready, pause with a reason, sign out. Each change goes
 * to the queue through {@link QueueMembership}; the interface is the agent's extension in the configured dial string.
 */
public final class AgentSeat {
    /** The pause reasons agents choose from (整理 is also what after-call work uses). */
    public static final List<String> PAUSE_REASONS = List.of("小休", "培训", "会议", "整理");
    /** Why ready or pause is refused to an agent out of the queue. */
    public static final String NOT_SIGNED_IN = "您已签出，请先签入";
    private final QueueMembership queue;
    private final String channelPattern;
    private final WrapUps wrapUps;
    private final List<String> wrapUpCodes;
    private final Clock clock;

    public AgentSeat(QueueMembership queue, String channelPattern, WrapUps wrapUps, List<String> wrapUpCodes,
                     Clock clock) {
        this.queue = queue;
        this.channelPattern = channelPattern;
        this.wrapUps = wrapUps;
        this.wrapUpCodes = List.copyOf(wrapUpCodes);
        this.clock = clock;
    }

    public List<String> wrapUpCodes() {
        return wrapUpCodes;
    }

    /**
     * Ready again. After a call (an unfinished wrap-up) only with one of the wrap-up codes, which is recorded; the
     * queue hears of it only then. Empty when done; else why not.
     */
    public Optional<String> ready(Optional<String> extension, Optional<String> wrapUpCode, String agent) {
        if (extension.isEmpty()) {
            return Optional.of("该账号没有分机，无法签入");
        }
        Optional<WrapUps.Open> open = wrapUps.open(extension.get());
        if (open.isPresent()) {
            String code = wrapUpCode.orElse("");
            if (!wrapUpCodes.contains(code)) {
                return Optional.of("请先选择话后整理代码");
            }
            Optional<String> refused = change(extension, new Change(AgentState.READY, Optional.empty()));
            if (refused.isEmpty()) {
                wrapUps.finish(open.get().id(), code, agent, clock.instant());
            }
            return refused;
        }
        return change(extension, new Change(AgentState.READY, Optional.empty()));
    }

    /**
     * Signs out. With a wrap-up code while a wrap-up is open (the desk's 整理完成并签出, also how an agent who signed
     * out during the call finishes its wrap-up) the code is recorded once the queue has let the agent go; an agent
     * already out of the queue is simply out. Without a code while a wrap-up is open (签出 during 话后整理) the agent
     * leaves the queue at once, as asked, and the call's wrap-up stays due, marked signed out: the desk shows
     * 话后整理（已签出） until the code is picked, as for an agent who signed out during the call. The code is never
     * skipped by signing out. Empty when done; else why not.
     */
    public Optional<String> signOut(Optional<String> extension, Optional<String> wrapUpCode, String agent) {
        Optional<WrapUps.Open> open = extension.flatMap(wrapUps::open);
        if (open.isEmpty()) {
            return change(extension, new Change(AgentState.SIGNED_OUT, Optional.empty()));
        }
        if (wrapUpCode.isEmpty()) {
            Optional<String> refused = change(extension, new Change(AgentState.SIGNED_OUT, Optional.empty()));
            if (refused.isEmpty()) {
                wrapUps.signedOut(open.get().id(), clock.instant());
            }
            return refused;
        }
        if (!wrapUpCodes.contains(wrapUpCode.get())) {
            return Optional.of("请先选择话后整理代码");
        }
        Optional<String> refused = change(extension, new Change(AgentState.SIGNED_OUT, Optional.empty()));
        if (refused.isEmpty()) {
            wrapUps.finish(open.get().id(), wrapUpCode.get(), agent, clock.instant());
        }
        return refused;
    }

    /** The agent's unfinished wrap-up, for the state bar a desk shows when it (re)opens. */
    public Optional<WrapUps.Open> openWrapUp(Optional<String> extension) {
        return extension.flatMap(wrapUps::open);
    }

    /** What the agent asked for; {@code reason} only for PAUSED. */
    public record Change(AgentState to, Optional<String> reason) {
    }

    /** Empty when done; else why not, in one line. */
    public Optional<String> change(Optional<String> extension, Change change) {
        if (extension.isEmpty()) {
            return Optional.of("该账号没有分机，无法签入");
        }
        String iface = channelPattern.replace("{extension}", extension.get());
        try {
            switch (change.to()) {
                case SIGNED_OUT -> queue.signOut(iface);
                case PAUSED -> {
                    String reason = change.reason().orElse("");
                    if (!PAUSE_REASONS.contains(reason)) {
                        return Optional.of("示忙原因须为 " + String.join("、", PAUSE_REASONS));
                    }
                    queue.pause(iface, true, reason);
                }
                case READY -> queue.pause(iface, false, "");
                default -> {
                    return Optional.of("不能手动切换到 " + change.to().label());
                }
            }
            return Optional.empty();
        } catch (QueueMembership.NotMember e) {
            return change.to() == AgentState.SIGNED_OUT ? Optional.empty() : Optional.of(NOT_SIGNED_IN);
        } catch (QueueMembership.Refused e) {
            return Optional.of("话务系统拒绝: " + e.getMessage());
        }
    }

    /** Signs in paused (the state bar's 签入). */
    public Optional<String> signIn(Optional<String> extension, String memberName) {
        if (extension.isEmpty()) {
            return Optional.of("该账号没有分机，无法签入");
        }
        try {
            queue.signIn(channelPattern.replace("{extension}", extension.get()), memberName);
            return Optional.empty();
        } catch (QueueMembership.Refused e) {
            return Optional.of("话务系统拒绝: " + e.getMessage());
        }
    }

    /** The agent's phone as the telephony system dials it (the configured dial string with the extension). */
    public String channelOf(String extension) {
        return channelPattern.replace("{extension}", extension);
    }

    /** The extension an interface such as {@code PJSIP/1001} belongs to, per the configured dial string. */
    public Optional<String> extensionOf(String iface) {
        int at = channelPattern.indexOf("{extension}");
        String prefix = channelPattern.substring(0, at);
        String suffix = channelPattern.substring(at + "{extension}".length());
        if (iface == null || !iface.startsWith(prefix) || !iface.endsWith(suffix)
                || iface.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        return Optional.of(iface.substring(prefix.length(), iface.length() - suffix.length()));
    }
}
