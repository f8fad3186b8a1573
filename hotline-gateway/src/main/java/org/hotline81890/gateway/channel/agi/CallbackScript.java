package org.hotline81890.gateway.channel.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.hotline81890.gateway.callback.CallbackReason;
import org.hotline81890.gateway.callback.CallbackRequest;
import org.hotline81890.gateway.callback.Callbacks;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agi://HOST/callback,REASON}: the dialplan asks for a callback, e.g. {@code queue-timeout} when Queue()
 * returned with nobody answering. The request is committed, then the caller hears that we will call back;
 * HOTLINE_STATUS=CALLBACK and HOTLINE_CALLBACK (its id) are set. An unknown reason records nothing.
 */
public final class CallbackScript extends VoiceScript {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackScript.class);
    private final Callbacks callbacks;

    public CallbackScript(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    protected String name() {
        return "callback";
    }

    @Override
    protected void run(CallInfo call, AgiChannel ch) throws AgiException {
        String reason = call.arg(1).orElse("");
        if (CallbackReason.ofWire(reason).isEmpty()) {
            LOG.warn("callback: unknown reason '{}' in the dialplan; nothing recorded", reason);
            return;
        }
        CallbackReason r = CallbackReason.ofWire(reason).get();
        record(callbacks, call, ch, r, r == CallbackReason.QUEUE_TIMEOUT ? Prompts.QUEUE_TIMEOUT
                : Prompts.CALLBACK_RECORDED);
    }

    /** Commits the request, then tells the dialplan and the caller. */
    static void record(Callbacks callbacks, CallInfo call, AgiChannel ch, CallbackReason reason, String prompt)
            throws AgiException {
        CallbackRequest r = callbacks.request(call.intakeKey(), call.callerNumber(), reason);
        LOG.info("call {} asked for a callback ({}): item {}", PhoneNumbers.mask(r.number()), reason.wire(), r.id());
        ch.setVariable("HOTLINE_CALLBACK", Long.toString(r.id()));
        ch.setVariable("HOTLINE_STATUS", "CALLBACK");
        Playback.play(ch, prompt);
    }
}
