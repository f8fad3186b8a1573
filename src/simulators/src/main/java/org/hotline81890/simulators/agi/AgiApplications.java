package org.hotline81890.simulators.agi;

import java.time.Duration;
import java.util.Locale;

/** EXEC of the dialplan applications a hotline script uses; an unknown application gives {@code result=-2}. */
final class AgiApplications {

    private AgiApplications() {
    }

    /** Wait()'s argument as a duration; empty or not a number is no wait, like Asterisk's atof. */
    static Duration seconds(String data) {
        try {
            double s = Double.parseDouble(data.trim());
            return Duration.ofNanos((long) (Math.max(0, Math.min(s, 3600)) * 1e9));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    static AgiReply exec(AgiChannel ch, String app, String data) {
        switch (app.toLowerCase(Locale.ROOT)) {
            case "set" -> {
                int eq = data.indexOf('=');
                if (eq > 0) {
                    ch.set(data.substring(0, eq), data.substring(eq + 1));
                }
                return AgiReply.result(0);
            }
            case "playback", "background" -> {
                return AgiMedia.prompt(ch, "", data, false);
            }
            case "hangup" -> {
                ch.hangUp(AgiCallResult.HangupSource.SCRIPT);
                return AgiReply.hungUp("200 result=-1");
            }
            case "wait" -> {
                // Wait(seconds): the channel waits that long (fractions allowed), as Asterisk does.
                AgiMedia.pause(seconds(data));
                return AgiReply.result(0);
            }
            case "noop", "verbose", "log", "ringing", "progress", "answer", "playtones", "stopplaytones",
                 "queuelog", "userevent", "dumpchan", "goto", "gotoif", "gosub", "macro", "dial", "queue",
                 "saydigits", "saynumber", "sayalpha", "record", "senddtmf", "musiconhold" -> {
                if (app.equalsIgnoreCase("answer")) {
                    ch.answer();
                }
                return AgiReply.result(0);
            }
            default -> {
                return AgiReply.result(-2);
            }
        }
    }
}
