package org.hotline81890.gateway.channel.smpp.intake;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline81890.partners.kpi.SurveyAnswer;

/**
 * Reads an SMS as a command (Chinese or simple Latin forms, case-insensitive, full-width characters allowed)
 * or as an ordinary request. Partner commands count only for numbers registered as partner or volunteer; from
 * anyone else the same words are an ordinary request. Tickets may be typed with spaces or dashes.
 */
public final class SmsCommandParser {
    private enum Verb { QUERY, ACCEPT, DECLINE, COMPLETE, EXTEND, START, CALL, ADDRESS }

    private record Word(String text, Verb verb, boolean latin) {
    }

    /** Longest first, so "查询" is not read as a shorter word. */
    private static final List<Word> WORDS = List.of(
            new Word("STATUS", Verb.QUERY, true), new Word("查询", Verb.QUERY, false), new Word("CX", Verb.QUERY, true),
            new Word("ACCEPT", Verb.ACCEPT, true), new Word("接单", Verb.ACCEPT, false),
            new Word("JD", Verb.ACCEPT, true),
            new Word("DECLINE", Verb.DECLINE, true), new Word("拒单", Verb.DECLINE, false),
            new Word("JJ", Verb.DECLINE, true),
            new Word("DONE", Verb.COMPLETE, true), new Word("完成", Verb.COMPLETE, false),
            new Word("WC", Verb.COMPLETE, true),
            new Word("EXTEND", Verb.EXTEND, true), new Word("延期", Verb.EXTEND, false),
            new Word("YQ", Verb.EXTEND, true),
            new Word("START", Verb.START, true), new Word("出发", Verb.START, false), new Word("CF", Verb.START, true),
            new Word("CALL", Verb.CALL, true), new Word("呼叫", Verb.CALL, false), new Word("HJ", Verb.CALL, true),
            new Word("地址", Verb.ADDRESS, false), new Word("DZ", Verb.ADDRESS, true));
    /** The hours of an extension: a number (1–999) first, "h", "小时" or "个小时" may follow. */
    private static final Pattern HOURS = Pattern.compile(
            "^(\\d{1,3})(?:\\s*(?:HOURS?|H(?![A-Z])|个?小时)|(?=\\s|$|[，,:：]))", Pattern.CASE_INSENSITIVE);
    private static final Map<String, SmsCommand> EXACT = Map.ofEntries(
            Map.entry("1", new SmsCommand.SurveyReply(SurveyAnswer.SATISFIED)),
            Map.entry("满意", new SmsCommand.SurveyReply(SurveyAnswer.SATISFIED)),
            Map.entry("2", new SmsCommand.SurveyReply(SurveyAnswer.BASICALLY_SATISFIED)),
            Map.entry("基本满意", new SmsCommand.SurveyReply(SurveyAnswer.BASICALLY_SATISFIED)),
            Map.entry("3", new SmsCommand.SurveyReply(SurveyAnswer.UNSATISFIED)),
            Map.entry("不满意", new SmsCommand.SurveyReply(SurveyAnswer.UNSATISFIED)),
            Map.entry("TD", new SmsCommand.StopNotifications()),
            Map.entry("退订", new SmsCommand.StopNotifications()),
            Map.entry("STOP", new SmsCommand.StopNotifications()),
            Map.entry("KT", new SmsCommand.StartNotifications()),
            Map.entry("开通", new SmsCommand.StartNotifications()),
            Map.entry("START", new SmsCommand.StartNotifications()));

    private SmsCommandParser() {
    }

    public static SmsCommand parse(String text, boolean partnerSender) {
        return parse(text, () -> partnerSender);
    }

    /**
     * As {@link #parse(String, boolean)}, asking {@code partnerSender} only when the text starts with a job verb
     * (the question costs a database lookup; ordinary requests, the hot path, never need it).
     */
    public static SmsCommand parse(String text, BooleanSupplier partnerSender) {
        String norm = stripTrailingPunctuation(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        String upper = norm.toUpperCase(Locale.ROOT);
        SmsCommand exact = EXACT.get(upper);
        if (exact != null) {
            return exact;
        }
        for (Word w : WORDS) {
            if (upper.startsWith(w.text()) && boundaryOk(upper, w)) {
                if (w.verb() == Verb.ADDRESS) {
                    return address(text);
                }
                if (w.verb() != Verb.QUERY && !partnerSender.getAsBoolean()) {
                    break;
                }
                return withArgument(w, norm.substring(w.text().length()).strip(), text);
            }
        }
        return new SmsCommand.OrdinaryRequest(text);
    }

    private static boolean boundaryOk(String upper, Word w) {
        if (!w.latin() || upper.length() == w.text().length()) {
            return true;
        }
        char next = upper.charAt(w.text().length());
        return Character.isWhitespace(next) || Character.isDigit(next) || next == ':' || next == '#';
    }

    private static SmsCommand withArgument(Word w, String rest, String original) {
        String args = rest.startsWith(":") || rest.startsWith("#") ? rest.substring(1).strip() : rest;
        Optional<TicketScan> scan = TicketScan.of(args);
        if (w.verb() == Verb.QUERY) {
            return query(w, args, scan, original);
        }
        if (scan.isPresent() && !scan.get().valid()) {
            return new SmsCommand.InvalidTicket(w.text(), scan.get().given());
        }
        Optional<String> ticket = scan.map(TicketScan::ticket);
        Optional<String> tail = nonBlank(scan.map(TicketScan::tail).orElse(args));
        Optional<String> typed = tail.map(t -> raw(original, t)).map(t -> t.replaceFirst("^[\\s:：，,]+", ""))
                .filter(t -> !t.isEmpty());
        return switch (w.verb()) {
            case ACCEPT -> new SmsCommand.AcceptJob(ticket);
            case DECLINE -> new SmsCommand.DeclineJob(ticket, typed);
            case COMPLETE -> new SmsCommand.CompleteJob(ticket, typed);
            case START -> new SmsCommand.StartJob(ticket);
            case CALL -> new SmsCommand.CallResident(ticket);
            case EXTEND -> extension(ticket, tail, original);
            case QUERY, ADDRESS -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * {@code 地址 …}: the resident's answer to the address question, as typed (after the word and a separator).
     * Whether some order asked for it is the intake's question; a bare "地址" is an ordinary request.
     */
    private static SmsCommand address(String original) {
        String rest = raw(original, "").replaceFirst("^(?i)(地址|DZ)[\\s:：，,#]*", "").strip();
        return rest.isEmpty() ? new SmsCommand.OrdinaryRequest(original) : new SmsCommand.GiveAddress(rest);
    }

    /**
     * The part of {@code original} that NFKC-normalised and stripped reads {@code normalised}: notes and reasons are
     * kept as the provider typed them (full-width commas stay full-width); the normalised form only finds them.
     */
    static String raw(String original, String normalised) {
        if (normalised.isEmpty()) {
            return original.strip();
        }
        for (int i = 0; i < original.length(); i++) {
            String tail = stripTrailingPunctuation(Normalizer.normalize(original.substring(i), Normalizer.Form.NFKC)
                    .strip());
            if (tail.equals(normalised)) {
                return stripTrailingPunctuation(original.substring(i).strip());
            }
        }
        return normalised;
    }

    private static SmsCommand query(Word w, String args, Optional<TicketScan> scan, String original) {
        if (args.isEmpty()) {
            return new SmsCommand.QueryStatus(Optional.empty());
        }
        if (scan.isEmpty()) {
            return new SmsCommand.OrdinaryRequest(original);
        }
        TicketScan s = scan.get();
        if (s.valid()) {
            return new SmsCommand.QueryStatus(Optional.of(s.ticket()));
        }
        return s.tail().isEmpty() ? new SmsCommand.InvalidTicket(w.text(), s.given())
                : new SmsCommand.OrdinaryRequest(original);
    }

    private static SmsCommand extension(Optional<String> ticket, Optional<String> tail, String original) {
        Matcher m = HOURS.matcher(tail.orElse(""));
        if (!m.find() || Integer.parseInt(m.group(1)) == 0) {
            return new SmsCommand.ExtendJob(ticket, Optional.empty(), tail.map(t -> raw(original, t)));
        }
        String reason = tail.get().substring(m.end()).replaceFirst("^[\\s，,:：]+", "");
        return new SmsCommand.ExtendJob(ticket, Optional.of(Integer.parseInt(m.group(1))),
                nonBlank(reason).map(r -> raw(original, r)));
    }

    private static Optional<String> nonBlank(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".。!?~".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end).strip();
    }
}
