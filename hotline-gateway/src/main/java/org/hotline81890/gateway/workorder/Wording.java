package org.hotline81890.gateway.workorder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one form of what every text of the hotline carries, to residents and providers alike: the 【81890】 signature
 * first and closing punctuation last, the ticket grouped as {@code 348-995-937} (commands accept it with or
 * without the dashes), times in Beijing time as {@code 12月5日08:14}.
 */
public final class Wording {
    public static final String SIGN = "【81890】";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private Wording() {
    }

    public static String ticket(TicketNumber t) {
        return t.grouped();
    }

    public static String time(Instant at) {
        return WHEN.format(at);
    }

    /** The signature in front and a full stop at the end, unless the text already has them. */
    public static String sms(String text) {
        String body = text.strip();
        String signed = body.startsWith(SIGN) ? body : SIGN + body;
        return endsAsASentence(signed) ? signed : signed + "。";
    }

    private static boolean endsAsASentence(String s) {
        return !s.isEmpty() && "。！？!?）)”".indexOf(s.charAt(s.length() - 1)) >= 0;
    }
}
