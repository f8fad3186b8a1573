package org.hotline81890.directory.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline81890.directory.AgentQuestion;
import org.hotline81890.directory.Category;
import org.hotline81890.directory.Keyword;
import org.hotline81890.directory.ProviderKind;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.SlaPolicy;

/**
 * Parses one {@code services/XX.txt} file: a header line {@code HK-01 钟点工 | Hourly domestic helper} per service,
 * followed by indented {@code key: value} lines (see config/directory/README.md).
 */
final class ServiceFileParser {
    private static final Pattern HEADER = Pattern.compile("([A-Z]{2}-\\d{2})\\s+(.+?)\\s*\\|\\s*(.+)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z]+):\\s*(.*)");
    private static final Set<String> KEYS = Set.of("kind", "type", "desc", "words", "typos", "en", "urgent",
            "context", "sla", "ask");

    private final Category category;
    private final CategoryRow defaults;
    private final Map<String, AgentQuestion> questions;
    private final SlaPolicy slaPolicy;

    ServiceFileParser(CategoryRow defaults, Map<String, AgentQuestion> questions, SlaPolicy slaPolicy) {
        this.category = defaults.category();
        this.defaults = defaults;
        this.questions = questions;
        this.slaPolicy = slaPolicy;
    }

    List<Service> parse(List<DataLine> lines) {
        List<Service> services = new ArrayList<>();
        Draft draft = null;
        for (DataLine line : lines) {
            if (!Character.isWhitespace(line.text().charAt(0))) {
                if (draft != null) {
                    services.add(draft.build());
                }
                draft = header(line);
            } else if (draft == null) {
                throw line.error("attribute before the first service header");
            } else {
                draft.attribute(line);
            }
        }
        if (draft != null) {
            services.add(draft.build());
        }
        return services;
    }

    private Draft header(DataLine line) {
        Matcher m = HEADER.matcher(line.text());
        if (!m.matches()) {
            throw line.error("expected a service header like 'HK-01 钟点工 | Hourly domestic helper'");
        }
        if (!m.group(1).startsWith(category.code() + "-")) {
            throw line.error("service " + m.group(1) + " does not belong in category " + category.code());
        }
        return new Draft(line, m.group(1), m.group(2), m.group(3));
    }

    private final class Draft {
        final DataLine header;
        final String code;
        final String nameZh;
        final String nameEn;
        final Map<String, DataLine> seen = new LinkedHashMap<>();
        final List<Keyword> keywords = new ArrayList<>();
        final Set<String> keywordTexts = new HashSet<>();
        ProviderKind kind;
        RequestType type;
        String description;
        String slaClass = "";
        List<AgentQuestion> ask;

        Draft(DataLine header, String code, String nameZh, String nameEn) {
            this.header = header;
            this.code = code;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            for (String part : nameZh.split("[（）()/、]")) {
                if (part.strip().length() >= 2) {
                    add(header, part.strip(), 3.0, Keyword.Kind.NAME);
                }
            }
        }

        void attribute(DataLine line) {
            Matcher m = ATTRIBUTE.matcher(line.text().strip());
            if (!m.matches() || !KEYS.contains(m.group(1))) {
                throw line.error("expected one of " + KEYS + " followed by ':'");
            }
            String key = m.group(1);
            String value = m.group(2).strip();
            if (seen.put(key, line) != null && !key.equals("words") && !key.equals("en")
                && !key.equals("context")) {
                throw line.error("'" + key + "' given twice for " + code);
            }
            try {
                apply(line, key, value);
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }

        private void apply(DataLine line, String key, String value) {
            switch (key) {
                case "kind" -> kind = ProviderKind.of(value);
                case "type" -> type = RequestType.of(value);
                case "desc" -> description = value;
                case "words" -> words(line, value, Keyword.Kind.WORD);
                case "typos" -> words(line, value, Keyword.Kind.TYPO);
                case "urgent" -> words(line, value, Keyword.Kind.URGENT);
                case "context" -> words(line, value, Keyword.Kind.CONTEXT);
                case "en" -> english(line, value);
                case "sla" -> slaClass = slaClass(value);
                case "ask" -> ask = QuestionRefs.resolve(value, questions);
                default -> throw line.error("unhandled key " + key);
            }
        }

        private String slaClass(String value) {
            if (!slaPolicy.hasClass(value)) {
                throw new IllegalArgumentException("unknown SLA class '" + value + "' (see sla.tsv)");
            }
            return value;
        }

        private void words(DataLine line, String value, Keyword.Kind kindOfWord) {
            for (String token : value.split("\\s+")) {
                if (!token.isEmpty()) {
                    Weighted w = Weighted.parse(line, token, kindOfWord == Keyword.Kind.URGENT ? 2.0 : 0);
                    add(line, w.text(), w.weight(), kindOfWord);
                }
            }
        }

        private void english(DataLine line, String value) {
            for (String phrase : value.split(",")) {
                if (!phrase.isBlank()) {
                    Weighted w = Weighted.parse(line, phrase.strip().toLowerCase(Locale.ROOT), 1.5);
                    add(line, w.text(), w.weight(), Keyword.Kind.ENGLISH);
                }
            }
        }

        private void add(DataLine line, String text, double weight, Keyword.Kind kindOfWord) {
            double w = weight > 0 ? weight : Weighted.defaultWeight(text);
            if (!keywordTexts.add(text)) {
                if (kindOfWord == Keyword.Kind.NAME || keywords.stream().anyMatch(k -> k.text().equals(text)
                        && k.kind() == Keyword.Kind.NAME)) {
                    return;
                }
                throw line.error("keyword '" + text + "' is listed twice for " + code);
            }
            keywords.add(new Keyword(text, w, kindOfWord));
        }

        Service build() {
            if (kind == null) {
                throw header.error("service " + code + " has no 'kind:' line");
            }
            if (description == null || description.isEmpty()) {
                throw header.error("service " + code + " has no 'desc:' line");
            }
            try {
                return new Service(code, nameZh, nameEn, category, kind, type != null ? type : defaults.defaultType(),
                        description, keywords, slaClass, ask != null ? ask : defaults.questions(), slaPolicy);
            } catch (IllegalArgumentException e) {
                throw header.error(e.getMessage());
            }
        }
    }
}
