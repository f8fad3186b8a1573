package org.hotline81890.directory.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline81890.directory.AgentQuestion;

/** Resolves a space-separated list of question codes against {@code questions.tsv}. */
final class QuestionRefs {
    private QuestionRefs() {
    }

    static List<AgentQuestion> resolve(String value, Map<String, AgentQuestion> questions) {
        List<AgentQuestion> out = new ArrayList<>();
        for (String code : value.split("\\s+")) {
            if (code.isEmpty()) {
                continue;
            }
            AgentQuestion q = questions.get(code);
            if (q == null) {
                throw new IllegalArgumentException("unknown agent question '" + code + "' (see questions.tsv)");
            }
            out.add(q);
        }
        return out;
    }
}
