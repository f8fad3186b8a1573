package org.hotline81890.directory.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The trained numbers of the combiner and the type model, and the confidence below which an agent reviews the
 * answer. Stored as {@code name<TAB>value} lines ({@code config/directory/model/combiner.tsv}), written by
 * {@code hotline match --train}.
 */
public record MatcherModel(double[] combiner, double[] types, double askBelow) {
    public static final String RESOURCE = "directory/model/combiner.tsv";

    public MatcherModel {
        combiner = combiner.clone();
        types = types.clone();
        new Combiner(combiner);
        new TypeModel(types);
    }

    public static Optional<MatcherModel> loadDefault() {
        InputStream in = MatcherModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return Optional.empty();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return Optional.of(parse(r.lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MatcherModel parse(List<String> lines) {
        Map<String, Double> values = new HashMap<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 2) {
                throw new IllegalArgumentException("combiner.tsv:" + n + ": expected name<TAB>value");
            }
            values.put(f[0].strip(), Double.parseDouble(f[1].strip()));
        }
        return new MatcherModel(pick(values, prefixed("service.", Combiner.FEATURES)),
                pick(values, prefixed("type.", TypeModel.names())), pick(values, List.of("ask-below"))[0]);
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("# Written by `hotline match --train`: the combiner's and the type model's weights. Do not edit.");
        add(out, prefixed("service.", Combiner.FEATURES), combiner);
        add(out, prefixed("type.", TypeModel.names()), types);
        add(out, List.of("ask-below"), new double[] {askBelow});
        return out;
    }

    private static void add(List<String> out, List<String> names, double[] values) {
        for (int i = 0; i < names.size(); i++) {
            out.add(names.get(i) + "\t" + String.format(Locale.ROOT, "%.6f", values[i]));
        }
    }

    private static List<String> prefixed(String prefix, List<String> names) {
        return names.stream().map(n -> prefix + n).toList();
    }

    private static double[] pick(Map<String, Double> values, List<String> names) {
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(names.get(i));
            if (v == null) {
                throw new IllegalArgumentException("combiner.tsv: missing " + names.get(i));
            }
            out[i] = v;
        }
        return out;
    }
}
