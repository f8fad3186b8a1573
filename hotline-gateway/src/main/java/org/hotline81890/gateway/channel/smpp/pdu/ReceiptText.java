package org.hotline81890.gateway.channel.smpp.pdu;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The de-facto delivery receipt text (SMPP 3.4 appendix B):
 * {@code id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...}.
 * Field order and case vary between SMSCs, so each field is found on its own.
 */
public record ReceiptText(Optional<String> id, Optional<String> stat, Optional<String> err,
        Optional<String> submitDate, Optional<String> doneDate) {
    private static final Pattern ID = field("id", "[^\\s]+");
    private static final Pattern STAT = field("stat", "[A-Za-z]+");
    private static final Pattern ERR = field("err", "[^\\s]+");
    private static final Pattern SUBMIT = field("submit date", "\\d{10,12}");
    private static final Pattern DONE = field("done date", "\\d{10,12}");

    private static Pattern field(String name, String value) {
        return Pattern.compile("(?:^|\\s)" + name.replace(" ", "\\s+") + ":(" + value + ")", Pattern.CASE_INSENSITIVE);
    }

    /** Empty unless the text has both an id: and a stat: field. */
    public static Optional<ReceiptText> parse(String text) {
        Optional<String> id = find(ID, text);
        Optional<String> stat = find(STAT, text);
        if (id.isEmpty() || stat.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReceiptText(id, stat.map(s -> s.toUpperCase(Locale.ROOT)), find(ERR, text),
                find(SUBMIT, text), find(DONE, text)));
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
