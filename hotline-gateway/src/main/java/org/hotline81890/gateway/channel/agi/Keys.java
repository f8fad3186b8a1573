package org.hotline81890.gateway.channel.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.reply.AgiReply;

/** What the caller keyed after a prompt: GET DATA's reply told apart (digits, nothing, or gone). */
sealed interface Keys {
    record Digits(String value) implements Keys {
    }

    record Timeout() implements Keys {
    }

    /** {@code 200 result=-1}: the caller hung up while the prompt played or we waited. */
    record HungUp() implements Keys {
    }

    static Keys read(AgiChannel ch, String prompt, long timeoutMs, int maxDigits) throws AgiException {
        AgiReply reply = ch.sendCommand(new GetDataCommand(prompt, timeoutMs, maxDigits));
        return of(reply.getResult());
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
