package org.hotline81890.gateway.channel.agi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Playing prompts on a real Asterisk, where a prompt may be missing: STREAM FILE of a file Asterisk cannot open
 * answers {@code result=-1} at once, exactly as a hang-up during playback does, and GET DATA does the same. The two
 * are told apart by CHANNEL STATUS (511 on a hung-up channel). A missing prompt is an installation error: logged
 * once per prompt at ERROR, and the call goes on without it.
 */
final class Playback {
    private static final Logger LOG = LoggerFactory.getLogger(Playback.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private Playback() {
    }

    /** Plays a prompt; a missing one is reported and skipped, a hang-up is left for the next command to meet. */
    static void play(AgiChannel ch, String prompt) throws AgiException {
        if (ch.sendCommand(new StreamFileCommand(prompt)).getResultCode() == -1 && stillUp(ch)) {
            missing(prompt);
        }
    }

    /** After a {@code result=-1}: true when the channel is up (so the prompt was missing), false when hung up. */
    static boolean stillUp(AgiChannel ch) throws AgiException {
        try {
            ch.getChannelStatus();
            return true;
        } catch (AgiHangupException e) {
            return false;
        }
    }

    static void missing(String prompt) {
        if (REPORTED.add(prompt)) {
            LOG.error("prompt {} is missing on Asterisk for this channel's language (sounds/<lang>/{}.wav): calls go "
                    + "on without it; install the prompt set (config/asterisk/sounds)", prompt, prompt);
        }
    }
}
