package org.hotline81890.gateway.channel.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.GetDataCommand;

/** What the caller keyed after a prompt: GET DATA's reply told apart (digits, nothing, or gone). */
sealed interface Keys {
    record Digits(String value) implements Keys {
    }

    record Timeout() implements Keys {
    }

    /** {@code 200 result=-1} and the channel is down: the caller hung up while the prompt played or we waited. */
    record HungUp() implements Keys {
    }

    /**
     * GET DATA. A {@code result=-1} with the channel still up means Asterisk could not open the prompt: it is
     * reported ({@link Playback#missing}) and the digits are read again without a prompt, so the caller can still
     * key them.
     */
    static Keys read(AgiChannel ch, String prompt, long timeoutMs, int maxDigits) throws AgiException {
        Keys keys = of(ch.sendCommand(new GetDataCommand(prompt, timeoutMs, maxDigits)).getResult());
        if (!(keys instanceof HungUp) || !Playback.stillUp(ch)) {
            return keys;
        }
        Playback.missing(prompt);
        return of(ch.sendCommand(new GetDataCommand("", timeoutMs, maxDigits)).getResult());
    }

    /** GET DATA's {@code result=}: "-1" hung up, empty timed out, otherwise the digits. */
    static Keys of(String result) {
        String r = result == null ? "" : result.strip();
        if (r.equals("-1")) {
            return new HungUp();
        }
        return r.isEmpty() ? new Timeout() : new Digits(r);
    }
}
