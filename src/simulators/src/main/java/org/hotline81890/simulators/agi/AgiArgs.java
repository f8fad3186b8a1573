package org.hotline81890.simulators.agi;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line as res_agi's parse_args does: blanks separate, quotes group, backslash escapes. */
final class AgiArgs {

    private AgiArgs() {
    }

    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                started = true;
            } else if (c == '"') {
                quoted = !quoted;
                started = true;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (started) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    started = false;
                }
            } else {
                cur.append(c);
                started = true;
            }
        }
        if (started) {
            out.add(cur.toString());
        }
        return out;
    }
}
