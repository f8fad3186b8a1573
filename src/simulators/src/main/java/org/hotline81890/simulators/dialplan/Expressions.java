package org.hotline81890.simulators.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Asterisk's expression language the hotline dialplan uses: {@code ${VAR}} substitution (unset is
 * empty) and {@code $[...]} with quoted or bare operands, {@code =}, {@code !=}, {@code &} and {@code |}. Anything
 * else is refused, so a dialplan this runner cannot evaluate fails a test instead of passing it silently.
 */
final class Expressions {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^${}]*)}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\[(.*?)]");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\"[^\"]*\"|!=|=|&|\\||[^\\s\"=!&|]+)");

    private Expressions() {
    }

    static String substitute(String text, Map<String, String> variables) {
        String current = text;
        for (int round = 0; round < 10; round++) {
            Matcher m = VARIABLE.matcher(current);
            if (!m.find()) {
                break;
            }
            current = m.replaceAll(r -> Matcher.quoteReplacement(variables.getOrDefault(r.group(1), "")));
        }
        return EXPRESSION.matcher(current).replaceAll(r -> evaluate(r.group(1)));
    }

    static String evaluate(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        int at = 0;
        while (!expression.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("expression not understood at '" + expression.substring(at) + "'");
            }
            tokens.add(m.group(1));
            at = m.end();
        }
        return or(tokens) ? "1" : "0";
    }

    private static boolean or(List<String> tokens) {
        for (List<String> part : split(tokens, "|")) {
            if (and(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean and(List<String> tokens) {
        for (List<String> part : split(tokens, "&")) {
            if (!compare(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean compare(List<String> t) {
        if (t.size() == 1) {
            String v = unquote(t.getFirst());
            return !v.isEmpty() && !v.equals("0");
        }
        if (t.size() != 3 || !(t.get(1).equals("=") || t.get(1).equals("!="))) {
            throw new IllegalArgumentException("comparison not understood: " + t);
        }
        boolean equal = unquote(t.get(0)).equals(unquote(t.get(2)));
        return t.get(1).equals("=") == equal;
    }

    private static List<List<String>> split(List<String> tokens, String operator) {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        for (String t : tokens) {
            if (t.equals(operator)) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(t);
            }
        }
        parts.add(part);
        return parts;
    }

    private static String unquote(String token) {
        return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
                ? token.substring(1, token.length() - 1) : token;
    }
}
