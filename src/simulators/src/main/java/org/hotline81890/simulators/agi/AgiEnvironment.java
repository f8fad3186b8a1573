package org.hotline81890.simulators.agi;

import java.nio.charset.StandardCharsets;

/** Renders the environment block exactly as res_agi writes it for a FastAGI URL (order, spacing, LF). */
final class AgiEnvironment {

    private AgiEnvironment() {
    }

    static byte[] render(AgiCallSpec s) {
        StringBuilder sb = new StringBuilder(768);
        line(sb, "agi_network", "yes");
        if (!s.script().isEmpty()) {
            line(sb, "agi_network_script", s.script());
        }
        line(sb, "agi_request", s.request());
        line(sb, "agi_channel", s.channel());
        line(sb, "agi_language", s.language());
        line(sb, "agi_type", s.type());
        line(sb, "agi_uniqueid", s.uniqueId());
        line(sb, "agi_version", s.version());
        line(sb, "agi_callerid", s.callerIdNum());
        line(sb, "agi_calleridname", s.callerIdName());
        line(sb, "agi_callingpres", "0");
        line(sb, "agi_callingani2", "0");
        line(sb, "agi_callington", "0");
        line(sb, "agi_callingtns", "0");
        line(sb, "agi_dnid", "unknown");
        line(sb, "agi_rdnis", "unknown");
        line(sb, "agi_context", s.context());
        line(sb, "agi_extension", s.extension());
        line(sb, "agi_priority", s.priority());
        line(sb, "agi_enhanced", "0.0");
        line(sb, "agi_accountcode", s.accountCode());
        line(sb, "agi_threadid", s.threadId());
        for (int i = 0; i < s.args().size(); i++) {
            line(sb, "agi_arg_" + (i + 1), s.args().get(i));
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(key).append(": ").append(value).append('\n');
    }
}
