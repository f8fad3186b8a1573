package org.hotline81890.gateway.voice;

/**
 * Driven port: an agent's membership of the call queue, held by the telephony system (Asterisk's app_queue), so a
 * desk phone and a browser desk behave alike. Each call returns once the telephony system confirmed it.
 */
public interface QueueMembership {
    /** Joins the queue paused (agents log in paused, then go ready). */
    void signIn(String iface, String memberName);

    void signOut(String iface);

    /** Paused with a reason the queue records ({@code QueuePause Reason}); ready when {@code paused} is false. */
    void pause(String iface, boolean paused, String reason);

    /** The telephony system refused or could not be reached; {@code reason} is its one-line answer. */
    class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** Refused because the interface is not a member of the queue (signed out, e.g. during a call). */
    final class NotMember extends Refused {
        public NotMember(String reason) {
            super(reason);
        }
    }
}
