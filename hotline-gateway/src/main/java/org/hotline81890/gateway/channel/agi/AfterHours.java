package org.hotline81890.gateway.channel.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.hotline81890.gateway.callback.CallbackReason;
import org.hotline81890.gateway.callback.Callbacks;

/**
 * Outside opening hours: "press 1 and we call you back". A 1 becomes an item on the agents' callback list (same
 * uniqueid key, so a re-entry asks once), never a work order: there are no words to match. HOTLINE_STATUS tells the
 * dialplan to hang up (CLOSED, or CALLBACK once the request is committed).
 */
public final class AfterHours {
    private final Callbacks callbacks;

    public AfterHours(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    void offerCallback(CallInfo call, AgiChannel ch) throws AgiException {
        ch.setVariable("HOTLINE_STATUS", "CLOSED");
        Keys keys = Keys.read(ch, Prompts.CLOSED_OFFER_CALLBACK, 6000, 1);
        if (!(keys instanceof Keys.Digits d) || !d.value().equals("1")) {
            return;
        }
        CallbackScript.record(callbacks, call, ch, CallbackReason.AFTER_HOURS, Prompts.CALLBACK_RECORDED);
    }
}
