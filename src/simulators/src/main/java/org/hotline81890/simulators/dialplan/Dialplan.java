package org.hotline81890.simulators.dialplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The priorities of an {@code extensions.conf} as pbx_config reads them: {@code [context]},
 * {@code exten => NAME,PRIORITY(label),App(args)}, {@code same => n,...}, {@code ;} comments, {@code [globals]}.
 * Enough of pbx_config to run the hotline's own dialplan, not a general Asterisk.
 */
public final class Dialplan {
    private static final Pattern LINE = Pattern.compile("^\\s*(exten|same)\\s*=>\\s*(.*)$");
    private static final Pattern PRIORITY = Pattern.compile("^(n|\\d+)(?:\\((\\w[\\w-]*)\\))?$");
    private final Map<String, Map<String, List<Step>>> contexts;
    private final Map<String, String> globals;

    /** One priority: its number (1-based), optional label, the application and its raw argument text. */
    public record Step(int priority, Optional<String> label, String app, String args) {
    }

    private Dialplan(Map<String, Map<String, List<Step>>> contexts, Map<String, String> globals) {
        this.contexts = contexts;
        this.globals = globals;
    }

    public static Dialplan read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dialplan parse(List<String> lines) {
        Map<String, Map<String, List<Step>>> contexts = new LinkedHashMap<>();
        Map<String, String> globals = new LinkedHashMap<>();
        String context = null;
        List<Step> current = null;
        for (String raw : lines) {
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                context = line.substring(1, line.indexOf(']'));
                contexts.putIfAbsent(context, new LinkedHashMap<>());
                continue;
            }
            if ("globals".equals(context)) {
                int eq = line.indexOf('=');
                globals.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches() || context == null) {
                throw new IllegalArgumentException("not a dialplan line: " + raw);
            }
            String rest = m.group(2);
            if (m.group(1).equals("exten")) {
                int comma = rest.indexOf(',');
                current = new ArrayList<>();
                contexts.get(context).put(rest.substring(0, comma).strip(), current);
                rest = rest.substring(comma + 1);
            }
            if (current == null) {
                throw new IllegalArgumentException("same => before any exten: " + raw);
            }
            current.add(step(rest, current.size() + 1, raw));
        }
        return new Dialplan(contexts, globals);
    }

    private static Step step(String rest, int next, String raw) {
        int comma = rest.indexOf(',');
        Matcher p = PRIORITY.matcher(rest.substring(0, comma).strip());
        if (!p.matches()) {
            throw new IllegalArgumentException("bad priority: " + raw);
        }
        int priority = p.group(1).equals("n") ? next : Integer.parseInt(p.group(1));
        String app = rest.substring(comma + 1).strip();
        int open = app.indexOf('(');
        return open < 0 ? new Step(priority, Optional.ofNullable(p.group(2)), app, "")
                : new Step(priority, Optional.ofNullable(p.group(2)), app.substring(0, open).strip(),
                        app.substring(open + 1, app.lastIndexOf(')')));
    }

    private static String stripComment(String line) {
        int i = line.indexOf(';');
        return i < 0 ? line : line.substring(0, i);
    }

    public Map<String, String> globals() {
        return globals;
    }

    /** The steps of {@code exten} in {@code context}: an exact name first, else a {@code _} pattern that matches. */
    public Optional<List<Step>> extension(String context, String exten) {
        Map<String, List<Step>> c = contexts.getOrDefault(context, Map.of());
        if (c.containsKey(exten)) {
            return Optional.of(c.get(exten));
        }
        return c.entrySet().stream().filter(e -> e.getKey().startsWith("_") && matches(e.getKey(), exten))
                .map(Map.Entry::getValue).findFirst();
    }

    static boolean matches(String pattern, String exten) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.substring(1).toCharArray()) {
            re.append(switch (c) {
                case 'X' -> "[0-9]";
                case 'Z' -> "[1-9]";
                case 'N' -> "[2-9]";
                case '.' -> ".+";
                case '!' -> ".*";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return exten.matches(re.toString());
    }
}
