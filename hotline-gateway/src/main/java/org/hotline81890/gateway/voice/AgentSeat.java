package org.hotline81890.gateway.voice;

import java.util.List;
import java.util.Optional;

/**
 * What an agent does with the state bar: sign in (paused), go ready, pause with a reason, sign out. Each change goes
 * to the queue through {@link QueueMembership}; the interface is the agent's extension in the configured dial string.
 */
public final class AgentSeat {
    /** The pause reasons agents choose from (整理 is also what after-call work uses). */
    public static final List<String> PAUSE_REASONS = List.of("小休", "培训", "会议", "整理");
    private final QueueMembership queue;
    private final String channelPattern;

    public AgentSeat(QueueMembership queue, String channelPattern) {
        this.queue = queue;
        this.channelPattern = channelPattern;
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
