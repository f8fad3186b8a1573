package org.hotline81890.simulators.agi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What Asterisk knows about one call when it runs {@code AGI(agi://authority/script,args...)}: the values of the
 * environment block, the channel variables already set, and how the media side behaves. Defaults are those of the
 * captured sessions (a Local channel, {@code "Zhang San" <13800001111>}, Asterisk 22.10.1).
 *
 * @param authority     {@code host[:port]} as written in the dialplan URL
 * @param script        everything after {@code authority/}, query included; empty for a URL without a path
 * @param variables     channel variables set before the AGI started (e.g. {@code HOTLINE_SRC})
 * @param sounds        which sound files exist for the channel's language (a missing prompt: STREAM FILE answers
 *                      {@code result=-1 endpos=0}, GET DATA {@code result=-1}, SAY DIGITS skips the digit)
 * @param answerDelay   how long ANSWER takes on a ringing channel (Asterisk waited ~0.5 s for media)
 * @param promptTime    how long a prompt (STREAM FILE, SAY ..., GET DATA's prompt) plays
 */
public record AgiCallSpec(
        String authority, String script, List<String> args, String channel, String language, String type,
        String uniqueId, String version, String callerIdNum, String callerIdName, String context,
        String extension, String priority, String accountCode, String threadId, Map<String, String> variables,
        Sounds sounds, boolean answered, Duration answerDelay, Duration promptTime) {

    public AgiCallSpec {
        for (Object o : new Object[] {authority, script, args, channel, language, type, uniqueId, version,
                callerIdNum, callerIdName, context, extension, priority, accountCode, threadId, variables,
                sounds, answerDelay, promptTime}) {
            Objects.requireNonNull(o, "AgiCallSpec component");
        }
        if (authority.isBlank() || script.startsWith("/")) {
            throw new IllegalArgumentException("bad AGI URL parts: " + authority + " / " + script);
        }
        args = List.copyOf(args);
        variables = Map.copyOf(variables);
    }

    /** {@code agi_request}: the whole URL. */
    public String request() {
        return "agi://" + authority + (script.isEmpty() ? "" : "/" + script);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private String authority = "127.0.0.1";
        private String script = "intake";
        private final List<String> args = new ArrayList<>();
        private String channel = "Local/81890@hotline-00000000;2";
        private String language = "en";
        private String type = "Local";
        private String uniqueId = "1795419300.1";
        private String version = "22.10.1";
        private String callerIdNum = "13800001111";
        private String callerIdName = "Zhang San";
        private String context = "hotline";
        private String extension = "81890";
        private String priority = "1";
        private String accountCode = "";
        private String threadId = "140453591217856";
        private final Map<String, String> variables = new LinkedHashMap<>();
        private Sounds sounds = Sounds.all();
        private boolean answered;
        private Duration answerDelay = Duration.ZERO;
        private Duration promptTime = Duration.ZERO;

        public Builder authority(String v) {
            authority = v;
            return this;
        }

        public Builder script(String v) {
            script = v;
            return this;
        }

        public Builder args(List<String> v) {
            args.clear();
            args.addAll(v);
            return this;
        }

        public Builder arg(String v) {
            args.add(v);
            return this;
        }

        public Builder channel(String v) {
            channel = v;
            return this;
        }

        public Builder language(String v) {
            language = v;
            return this;
        }

        public Builder type(String v) {
            type = v;
            return this;
        }

        public Builder uniqueId(String v) {
            uniqueId = v;
            return this;
        }

        public Builder version(String v) {
            version = v;
            return this;
        }

        public Builder callerIdNum(String v) {
            callerIdNum = v;
            return this;
        }

        public Builder callerIdName(String v) {
            callerIdName = v;
            return this;
        }

        public Builder context(String v) {
            context = v;
            return this;
        }

        public Builder extension(String v) {
            extension = v;
            return this;
        }

        public Builder priority(String v) {
            priority = v;
            return this;
        }

        public Builder accountCode(String v) {
            accountCode = v;
            return this;
        }

        public Builder threadId(String v) {
            threadId = v;
            return this;
        }

        public Builder variable(String name, String value) {
            variables.put(name, value);
            return this;
        }

        /** Every sound exists except these. */
        public Builder missingSounds(Set<String> v) {
            sounds = Sounds.allBut(v);
            return this;
        }

        public Builder sounds(Sounds v) {
            sounds = v;
            return this;
        }

        public Builder answered(boolean v) {
            answered = v;
            return this;
        }

        public Builder answerDelay(Duration v) {
            answerDelay = v;
            return this;
        }

        public Builder promptTime(Duration v) {
            promptTime = v;
            return this;
        }

        public AgiCallSpec build() {
            return new AgiCallSpec(authority, script, args, channel, language, type, uniqueId, version,
                    callerIdNum, callerIdName, context, extension, priority, accountCode, threadId, variables,
                    sounds, answered, answerDelay, promptTime);
        }
    }
}
