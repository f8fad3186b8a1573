package org.hotline81890.gateway.channel.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The edge of every call script: sets the MDC, and turns what can happen to a call into log lines and prompts. A
 * caller hanging up (HANGUP, 511, AgiHangupException) is normal flow at DEBUG; storage down is a WARN and, unless the
 * script knows better ({@link #storageDown}), plays "please call again"; only a bug (or a missing prompt) is an
 * ERROR. Nothing escapes to Asterisk-Java, which would log it as an error.
 * One instance serves all calls: per-call state lives in locals.
 */
abstract class VoiceScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceScript.class);

    @Override
    public final void service(AgiRequest request, AgiChannel channel) {
        CallInfo call = CallInfo.of(request);
        MDC.put("channel", "phone");
        MDC.put("callId", call.uniqueId());
        try {
            run(call, channel);
        } catch (AgiHangupException e) {
            LOG.debug("{}: caller hung up ({})", name(), e.getMessage());
        } catch (AgiNetworkException e) {
            LOG.debug("{}: Asterisk closed the FastAGI session ({})", name(), e.getMessage());
        } catch (AgiException e) {
            LOG.warn("{}: AGI command failed: {}", name(), e.toString());
            callAgain(channel);
        } catch (StorageUnavailableException e) {
            LOG.warn("{}: storage unavailable: {}", name(), e.getMessage());
            try {
                storageDown(channel);
            } catch (AgiException gone) {
                LOG.debug("{}: caller gone while handling storage down: {}", name(), gone.toString());
            }
        } catch (RuntimeException e) {
            LOG.error("{}: script failed", name(), e);
            callAgain(channel);
        } finally {
            MDC.remove("callId");
            MDC.remove("workOrder");
            MDC.remove("channel");
        }
    }

    /** The script's steps; may throw whatever a call can throw. */
    protected abstract void run(CallInfo call, AgiChannel channel) throws AgiException;

    protected abstract String name();

    /** Storage is down: by default the caller is asked to call again (HOTLINE_STATUS=FAILED). */
    protected void storageDown(AgiChannel channel) throws AgiException {
        callAgain(channel);
    }

    private static void callAgain(AgiChannel channel) {
        try {
            channel.setVariable("HOTLINE_STATUS", "FAILED");
            Playback.play(channel, Prompts.CALL_AGAIN);
        } catch (AgiException e) {
            LOG.debug("could not play the call-again prompt (caller gone): {}", e.toString());
        }
    }
}
