package org.hotline81890.simulators.agi;

import java.time.Duration;
import java.util.List;

/** The commands that play to or listen to the caller, driven by the {@link CallerScript}. */
final class AgiMedia {

    /** Samples of a fully played prompt (the captured {@code beep} was 2000 samples at 8 kHz). */
    static final int FULL_ENDPOS = 2000;

    private AgiMedia() {
    }

    static AgiReply run(AgiChannel ch, String verb, List<String> a) {
        return switch (verb) {
            case "STREAM FILE" -> streamFile(ch, a.get(2), a.get(3), a.size() > 4 ? a.get(4) : "0");
            case "CONTROL STREAM FILE" -> streamFile(ch, a.get(2), a.get(3), "0");
            case "SAY DIGITS" -> sayDigits(ch, a.get(2), a.get(3));
            case "SAY ALPHA" -> prompt(ch, "", a.get(3), false);
            case "SAY NUMBER" -> a.get(2).matches("-?[0-9]+") ? prompt(ch, "", a.get(3), false)
                    : AgiReply.result(-1);
            case "WAIT FOR DIGIT" -> waitForDigit(ch);
            case "GET DATA" -> getData(ch, a.get(2), a.size() > 4 ? Integer.parseInt(a.get(4)) : Integer.MAX_VALUE);
            case "RECORD FILE" -> record(ch, a.get(4));
            default -> throw new IllegalStateException("no media handler for " + verb);
        };
    }

    /**
     * STREAM FILE: a file Asterisk cannot open answers {@code result=-1 endpos=<offset>} at once and is a
     * RESULT_FAILURE (res_agi's handle_streamfile), which makes AGISTATUS FAILURE at the end of the script.
     */
    private static AgiReply streamFile(AgiChannel ch, String file, String escapeDigits, String offset) {
        if (!ch.soundExists(file)) {
            ch.commandFailed();
            return AgiReply.of("200 result=-1 endpos=" + offset);
        }
        return prompt(ch, file, escapeDigits, true);
    }

    /** SAY DIGITS plays {@code digits/N} for each digit; ast_get_digit_str skips a digit whose file is missing. */
    private static AgiReply sayDigits(AgiChannel ch, String digits, String escapeDigits) {
        boolean any = digits.chars().anyMatch(c -> ch.soundExists("digits/" + (char) c));
        return any ? prompt(ch, "", escapeDigits, false) : AgiReply.result(0);
    }

    /** A prompt interruptible by {@code escapeDigits}; {@code withEndpos} adds {@code endpos=} as STREAM FILE does. */
    static AgiReply prompt(AgiChannel ch, String file, String escapeDigits, boolean withEndpos) {
        String endpos = withEndpos ? " endpos=" : "";
        CallerAction next = ch.peekInput();
        if (next instanceof CallerAction.HangUp) {
            ch.nextInput();
            ch.hangUp(AgiCallResult.HangupSource.CALLER);
            return AgiReply.hungUp("200 result=-1" + (withEndpos ? endpos + FULL_ENDPOS / 2 : ""));
        }
        if (next instanceof CallerAction.Press p && escapeDigits.indexOf(p.digits().charAt(0)) >= 0) {
            char digit = takeDigit(ch);
            return AgiReply.of("200 result=" + (int) digit + (withEndpos ? endpos + FULL_ENDPOS / 2 : ""));
        }
        pause(ch.spec.promptTime());
        return AgiReply.of("200 result=0" + (withEndpos ? endpos + FULL_ENDPOS : ""));
    }

    private static AgiReply waitForDigit(AgiChannel ch) {
        CallerAction next = ch.peekInput();
        return switch (next) {
            case CallerAction.Press p -> AgiReply.result(takeDigit(ch));
            case CallerAction.HangUp h -> {
                ch.nextInput();
                ch.hangUp(AgiCallResult.HangupSource.CALLER);
                yield AgiReply.hungUp("200 result=-1");
            }
            case CallerAction.Silence s -> {
                ch.nextInput();
                yield AgiReply.result(0);
            }
        };
    }

    /**
     * GET DATA: a prompt that cannot be opened makes ast_app_getdata_full return -1 before any digit is read, so
     * the reply is {@code 200 result=-1} (the same as a hang-up) with the channel still up; res_agi still returns
     * RESULT_SUCCESS. An empty prompt reads digits without playing anything.
     */
    private static AgiReply getData(AgiChannel ch, String prompt, int maxDigits) {
        if (!prompt.isEmpty() && !ch.soundExists(prompt)) {
            return AgiReply.of("200 result=-1");
        }
        CallerAction next = ch.nextInput();
        return switch (next) {
            case CallerAction.Silence s -> {
                pause(ch.spec.promptTime());
                yield AgiReply.of("200 result= (timeout)");
            }
            case CallerAction.HangUp h -> {
                ch.hangUp(AgiCallResult.HangupSource.CALLER);
                yield AgiReply.hungUp("200 result=-1");
            }
            case CallerAction.Press p -> collect(ch, p.digits(), maxDigits);
        };
    }

    private static AgiReply collect(AgiChannel ch, String keyed, int maxDigits) {
        StringBuilder got = new StringBuilder();
        int i = 0;
        for (; i < keyed.length() && got.length() < maxDigits; i++) {
            char d = keyed.charAt(i);
            if (d == '#') {
                i++;
                rest(ch, keyed, i);
                return AgiReply.of("200 result=" + got);
            }
            got.append(d);
        }
        rest(ch, keyed, i);
        return AgiReply.of("200 result=" + got + (got.length() < maxDigits ? " (timeout)" : ""));
    }

    private static AgiReply record(AgiChannel ch, String escapeDigits) {
        CallerAction next = ch.peekInput();
        if (next instanceof CallerAction.HangUp) {
            ch.nextInput();
            ch.hangUp(AgiCallResult.HangupSource.CALLER);
            return AgiReply.hungUp("200 result=-1 (hangup) endpos=8000");
        }
        if (next instanceof CallerAction.Press p && escapeDigits.indexOf(p.digits().charAt(0)) >= 0) {
            return AgiReply.of("200 result=" + (int) takeDigit(ch) + " (dtmf) endpos=8000");
        }
        if (next instanceof CallerAction.Silence) {
            ch.nextInput();
        }
        pause(ch.spec.promptTime());
        return AgiReply.of("200 result=0 (timeout) endpos=8000");
    }

    private static char takeDigit(AgiChannel ch) {
        CallerAction.Press p = (CallerAction.Press) ch.nextInput();
        rest(ch, p.digits(), 1);
        return p.digits().charAt(0);
    }

    private static void rest(AgiChannel ch, String digits, int from) {
        if (from < digits.length()) {
            ch.pushBack(new CallerAction.Press(digits.substring(from)));
        }
    }

    /** Simulated media time; runs on the call's (virtual) thread. */
    static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
