package org.hotline81890.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The configuration as flat dotted keys: the reference {@code config/hotline.yaml} (shipped in the jar) gives every
 * key and its default; a {@code --config} file and then {@code HOTLINE_*} environment variables override them.
 * An unknown key in a file is an error, so a typo never silently keeps the default.
 */
public final class ConfigSource {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private final Map<String, Object> values;
    private final Map<String, String> origin;

    private ConfigSource(Map<String, Object> values, Map<String, String> origin) {
        this.values = values;
        this.origin = origin;
    }

    public static ConfigSource load(Path overrideFile, Map<String, String> env) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        try (InputStream in = ConfigSource.class.getResourceAsStream("/config/hotline.yaml")) {
            if (in == null) {
                throw new ConfigException("config/hotline.yaml is missing from the jar");
            }
            flatten("", parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "config/hotline.yaml"),
                    values);
        } catch (IOException e) {
            throw new ConfigException("cannot read the reference configuration: " + e.getMessage());
        }
        values.keySet().forEach(k -> origin.put(k, "default"));
        if (overrideFile != null) {
            overlayFile(overrideFile, values, origin);
        }
        for (String key : List.copyOf(values.keySet())) {
            String value = env.get(envName(key));
            if (value != null) {
                values.put(key, value);
                origin.put(key, "environment " + envName(key));
            }
        }
        return new ConfigSource(values, origin);
    }

    /** {@code smpp.system-id -> HOTLINE_SMPP_SYSTEM_ID}. */
    public static String envName(String key) {
        return "HOTLINE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void overlayFile(Path file, Map<String, Object> values, Map<String, String> origin) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            flatten("", parse(r, file.toString()), overrides);
        } catch (IOException e) {
            throw new ConfigException("cannot read --config " + file + ": " + e.getMessage());
        }
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new ConfigException("unknown configuration key '" + e.getKey() + "' in " + file
                        + " (config/hotline.yaml lists every key)");
            }
            values.put(e.getKey(), e.getValue());
            origin.put(e.getKey(), file.toString());
        }
    }

    private static Map<?, ?> parse(Reader reader, String name) {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (doc == null) {
                return Map.of();
            }
            if (!(doc instanceof Map<?, ?> map)) {
                throw new ConfigException(name + " must be a YAML mapping of keys");
            }
            return map;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigException(name + " is not valid YAML: " + e.getMessage());
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> child) {
                flatten(key, child, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    private Object raw(String key) {
        if (!values.containsKey(key)) {
            throw new ConfigException("configuration key '" + key + "' is not in config/hotline.yaml");
        }
        return values.get(key);
    }

    private ConfigException bad(String key, Object value, String expected) {
        return new ConfigException("invalid value for " + key + ": '" + value + "' (" + expected + "; from "
                + origin.get(key) + ")");
    }

    public String text(String key) {
        Object v = raw(key);
        return v == null ? "" : String.valueOf(v).strip();
    }

    public boolean bool(String key) {
        String v = text(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, v, "expected true or false");
        };
    }

    public int integer(String key, int min, int max) {
        String v = text(key);
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw bad(key, v, "expected a whole number from " + min + " to " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw bad(key, v, "expected a whole number from " + min + " to " + max);
        }
    }

    /** One of {@code allowed} (case-insensitive), returned lower-cased. */
    public String choice(String key, String... allowed) {
        String v = text(key).toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw bad(key, v, "expected one of " + String.join(", ", allowed));
    }

    public int port(String key) {
        return integer(key, 0, 65535);
    }

    /** Durations are written with a unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 24h}, {@code 10d}. */
    public Duration duration(String key, Duration min) {
        String v = text(key);
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw bad(key, v, "expected a duration such as 500ms, 5s, 2m, 24h or 10d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(min) < 0) {
            throw bad(key, v, "must be at least " + min.toMillis() + "ms");
        }
        return d;
    }

    /** A list: a YAML sequence, or a comma-separated string (as an environment variable gives it). */
    public List<String> list(String key) {
        Object v = raw(key);
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(x -> out.add(String.valueOf(x).strip()));
            return List.copyOf(out);
        }
        String s = v == null ? "" : String.valueOf(v).strip();
        return s.isEmpty() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).toList();
    }

    public String originOf(String key) {
        return origin.getOrDefault(key, "unknown");
    }
}
