package org.hotline81890.gateway.channel.agi;

/**
 * Recorded prompts the scripts play, as STREAM FILE names (under Asterisk's sounds directory, per language).
 * docs/voice.md lists what each says; the greeting is configurable (agi.greeting).
 */
public final class Prompts {
    /** "Sorry, something went wrong. Please call again." */
    public static final String CALL_AGAIN = "hotline/please-call-again";
    /** "We are closed. Press 1 and we will call you back; or hang up." */
    public static final String CLOSED_OFFER_CALLBACK = "hotline/closed-callback";
    /** "Thank you, we will call you back. Your ticket number is ..." */
    public static final String CALLBACK_RECORDED = "hotline/callback-recorded";
    /** "Please key your 9-digit ticket number followed by #." */
    public static final String ENTER_TICKET = "hotline/enter-ticket";
    /** "That ticket number was not found." */
    public static final String TICKET_UNKNOWN = "hotline/ticket-unknown";
    /** "Ticket number" (read before the digits). */
    public static final String TICKET_IS = "hotline/ticket-is";
    /** Prefix of the state prompts: hotline/state-received, hotline/state-closed, ... */
    public static final String STATE_PREFIX = "hotline/state-";
    /** "Were you satisfied? 1 satisfied, 2 basically satisfied, 3 unsatisfied." */
    public static final String SURVEY_QUESTION = "hotline/survey-question";
    /** "Thank you for your answer. Goodbye." */
    public static final String THANK_YOU = "hotline/thank-you";
    /** "Goodbye." */
    public static final String GOODBYE = "hotline/goodbye";

    private Prompts() {
    }
}
