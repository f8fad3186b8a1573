package org.hotline81890.simulators.agi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simulated channel behind one FastAGI session: its state, variables and the caller's pending input. */
final class AgiChannel {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^${}]*)}");

    final AgiCallSpec spec;
    final ConcurrentMap<String, String> astDb;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<AgiCallResult.VariableSet> variablesSet = new ArrayList<>();
    private final Deque<CallerAction> inputs;
    private boolean alive = true;
    private boolean answered;
    private boolean failed;
    private AgiCallResult.HangupSource hangup = AgiCallResult.HangupSource.NONE;

    AgiChannel(AgiCallSpec spec, CallerScript caller, ConcurrentMap<String, String> astDb) {
        this.spec = spec;
        this.astDb = astDb;
        this.variables.putAll(spec.variables());
        this.inputs = new ArrayDeque<>(caller.inputs());
        this.answered = spec.answered();
    }

    boolean alive() {
        return alive;
    }

    boolean answered() {
        return answered;
    }

    void answer() {
        answered = true;
    }

    void hangUp(AgiCallResult.HangupSource by) {
        if (alive) {
            alive = false;
            hangup = by;
        }
    }

    boolean soundExists(String file) {
        return spec.sounds().exists(spec.language(), file);
    }

    /** A command returned RESULT_FAILURE: while the channel is up, res_agi makes the script's AGISTATUS FAILURE. */
    void commandFailed() {
        if (alive) {
            failed = true;
        }
    }

    /**
     * AGISTATUS when the script ends (run_agi + agi_exec_full): FAILURE once a command failed on a live channel,
     * else HANGUP when the channel went down, else SUCCESS (also when the server just closed the connection).
     */
    String agiStatus() {
        if (failed) {
            return "FAILURE";
        }
        return alive ? "SUCCESS" : "HANGUP";
    }

    AgiCallResult.HangupSource hangupSource() {
        return hangup;
    }

    Map<String, String> variables() {
        return variables;
    }

    List<AgiCallResult.VariableSet> variablesSet() {
        return variablesSet;
    }

    void set(String name, String value) {
        variables.put(name, value);
        variablesSet.add(new AgiCallResult.VariableSet(name, value));
    }

    /** A variable or one of the dialplan functions a hotline script reads. */
    Optional<String> get(String name) {
        return switch (name) {
            case "CALLERID(num)" -> Optional.of(spec.callerIdNum());
            case "CALLERID(name)" -> Optional.of(spec.callerIdName());
            case "CALLERID(all)" -> Optional.of("\"" + spec.callerIdName() + "\" <" + spec.callerIdNum() + ">");
            case "CHANNEL", "CHANNEL(name)" -> Optional.of(spec.channel());
            case "UNIQUEID" -> Optional.of(spec.uniqueId());
            case "CONTEXT" -> Optional.of(spec.context());
            case "EXTEN" -> Optional.of(spec.extension());
            case "CHANNEL(language)" -> Optional.of(spec.language());
            default -> Optional.ofNullable(variables.get(name));
        };
    }

    /** Substitutes {@code ${...}} like pbx_substitute_variables (unset gives empty); inner ones first. */
    String expand(String expression) {
        String current = expression;
        for (int round = 0; round < 10; round++) {
            Matcher m = EXPRESSION.matcher(current);
            if (!m.find()) {
                return current;
            }
            m.reset();
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(get(m.group(1)).orElse("")));
            }
            m.appendTail(sb);
            current = sb.toString();
        }
        return current;
    }

    /** The caller's next input, or silence when the script has run out. */
    CallerAction nextInput() {
        CallerAction a = inputs.pollFirst();
        return a == null ? new CallerAction.Silence() : a;
    }

    /** Looks at the next input without taking it. */
    CallerAction peekInput() {
        CallerAction a = inputs.peekFirst();
        return a == null ? new CallerAction.Silence() : a;
    }

    void pushBack(CallerAction action) {
        inputs.addFirst(action);
    }
}
