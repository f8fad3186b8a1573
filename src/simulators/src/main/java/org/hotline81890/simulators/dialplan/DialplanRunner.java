package org.hotline81890.simulators.dialplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.simulators.agi.AgiCallResult;

/**
 * Runs one call through a {@link Dialplan} as pbx.c would, priority by priority, for the applications the hotline
 * dialplan uses: NoOp, Verbose, Answer, Set, GotoIf, Goto, AGI, Queue, Playback, Hangup. AGI() goes to a real
 * FastAGI server through {@link AgiHook} (the wire-exact simulator), and leaves AGISTATUS and the variables the
 * script set, exactly as res_agi does; AGISTATUS=HANGUP ends the call. Queue() records that the caller joined
 * (queue, ticket, position priority) and then either ends the call (an agent answered) or returns with
 * QUEUESTATUS=TIMEOUT, as chosen.
 */
public final class DialplanRunner {
    private static final int MAX_STEPS = 200;
    private final Dialplan dialplan;
    private final AgiHook agi;
    private final Map<String, String> globals;

    /** Runs {@code AGI(agi://authority/script,args)} for the channel (its language and variables). */
    @FunctionalInterface
    public interface AgiHook {
        AgiCallResult run(String authority, String script, List<String> args, String language,
                          Map<String, String> variables);
    }

    /** What app_queue does with a caller. */
    public enum QueueOutcome { ANSWERED, TIMEOUT }

    /** A caller put in a queue: the queue and the channel variables at that moment. */
    public record Queued(String queue, Map<String, String> variables) {
        public String variable(String name) {
            return variables.getOrDefault(name, "");
        }
    }

    /**
     * @param trace       {@code context,exten,priority App(args)} of every step run, arguments substituted
     * @param queued      every Queue() the caller entered
     * @param agiCalls    every AGI() result, in order
     * @param hungUp      the call ended by Hangup() or an AGI hang-up, not by running off the end
     */
    public record Outcome(List<String> trace, List<Queued> queued, List<AgiCallResult> agiCalls,
                          Map<String, String> variables, boolean hungUp) {
        public Optional<Queued> firstQueue() {
            return queued.stream().findFirst();
        }
    }

    public DialplanRunner(Dialplan dialplan, Map<String, String> globalOverrides, AgiHook agi) {
        this.dialplan = dialplan;
        this.agi = agi;
        this.globals = new LinkedHashMap<>(dialplan.globals());
        this.globals.putAll(globalOverrides);
    }

    public Outcome run(String context, String exten, Map<String, String> channel, QueueOutcome queueOutcome) {
        Map<String, String> vars = new LinkedHashMap<>(globals);
        vars.putIfAbsent("CHANNEL(language)", "en");
        vars.putAll(channel);
        Call call = new Call(vars, queueOutcome);
        String ctx = context;
        String ext = exten;
        int priority = 1;
        for (int n = 0; n < MAX_STEPS; n++) {
            Optional<Dialplan.Step> step = step(ctx, ext, priority);
            if (step.isEmpty()) {
                return call.outcome(false);
            }
            vars.put("CONTEXT", ctx);
            vars.put("EXTEN", ext);
            String args = Expressions.substitute(step.get().args(), vars);
            call.trace.add(ctx + "," + ext + "," + priority + " " + step.get().app() + "(" + args + ")");
            Jump next = call.execute(step.get().app(), args, ctx, ext, priority);
            if (next == null) {
                return call.outcome(true);
            }
            ctx = next.context();
            ext = next.exten();
            priority = next.priority() > 0 ? next.priority() : labelled(ctx, ext, next.label());
        }
        throw new IllegalStateException("more than " + MAX_STEPS + " steps: a loop in the dialplan? " + call.trace);
    }

    private Optional<Dialplan.Step> step(String context, String exten, int priority) {
        return dialplan.extension(context, exten)
                .flatMap(steps -> steps.stream().filter(s -> s.priority() == priority).findFirst());
    }

    private int labelled(String context, String exten, String label) {
        return dialplan.extension(context, exten).orElseThrow(() -> new IllegalStateException(
                        "no extension " + exten + " in " + context))
                .stream().filter(s -> s.label().filter(label::equals).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no label " + label + " in " + context + "," + exten))
                .priority();
    }

    /** Where to go next; priority 0 means "the step with this label". */
    record Jump(String context, String exten, int priority, String label) {
        static Jump parse(String target, String context, String exten) {
            String[] p = target.strip().split(",");
            return switch (p.length) {
                case 1 -> of(context, exten, p[0]);
                case 2 -> of(context, p[0], p[1]);
                case 3 -> of(p[0], p[1], p[2]);
                default -> throw new IllegalArgumentException("bad Goto target: " + target);
            };
        }

        private static Jump of(String context, String exten, String priority) {
            return priority.matches("\\d+") ? new Jump(context, exten, Integer.parseInt(priority), "")
                    : new Jump(context, exten, 0, priority);
        }
    }

    private final class Call {
        final Map<String, String> vars;
        final QueueOutcome queueOutcome;
        final List<String> trace = new ArrayList<>();
        final List<Queued> queued = new ArrayList<>();
        final List<AgiCallResult> agiCalls = new ArrayList<>();

        Call(Map<String, String> vars, QueueOutcome queueOutcome) {
            this.vars = vars;
            this.queueOutcome = queueOutcome;
        }

        /** Runs one application; the next priority, or null when the call ends here. */
        Jump execute(String app, String args, String ctx, String ext, int priority) {
            Jump next = new Jump(ctx, ext, priority + 1, "");
            switch (app.toLowerCase(java.util.Locale.ROOT)) {
                case "noop", "verbose", "answer", "playback", "wait", "ringing" -> {
                    return next;
                }
                case "set" -> {
                    int eq = args.indexOf('=');
                    vars.put(args.substring(0, eq).strip(), args.substring(eq + 1));
                    return next;
                }
                case "hangup" -> {
                    return null;
                }
                case "goto" -> {
                    return Jump.parse(args, ctx, ext);
                }
                case "gotoif" -> {
                    return gotoIf(args, ctx, ext, next);
                }
                case "agi" -> {
                    return agi(args) ? next : null;
                }
                case "queue" -> {
                    String[] q = args.split(",", -1);
                    queued.add(new Queued(q[0], Map.copyOf(vars)));
                    if (queueOutcome == QueueOutcome.ANSWERED) {
                        return null;
                    }
                    vars.put("QUEUESTATUS", "TIMEOUT");
                    return next;
                }
                default -> throw new IllegalStateException("the dialplan runner does not know " + app + "()");
            }
        }

        private Jump gotoIf(String args, String ctx, String ext, Jump next) {
            int q = args.indexOf('?');
            String condition = args.substring(0, q).strip();
            String[] targets = args.substring(q + 1).split(":", -1);
            boolean yes = !condition.isEmpty() && !condition.equals("0");
            String target = yes ? targets[0] : targets.length > 1 ? targets[1] : "";
            return target.isBlank() ? next : Jump.parse(target, ctx, ext);
        }

        /** False when the channel hung up during the AGI (AGISTATUS=HANGUP: AGI() returns -1). */
        private boolean agi(String args) {
            String[] parts = args.split(",", -1);
            String url = parts[0].strip();
            if (!url.startsWith("agi://")) {
                throw new IllegalStateException("only FastAGI URLs are run: " + url);
            }
            String rest = url.substring("agi://".length());
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String script = slash < 0 ? "" : rest.substring(slash + 1);
            AgiCallResult r = agi.run(authority, script, List.of(parts).subList(1, parts.length),
                    vars.get("CHANNEL(language)"), Map.copyOf(vars));
            agiCalls.add(r);
            r.variablesSet().forEach(v -> vars.put(v.name(), v.value()));
            vars.put("AGISTATUS", r.agiStatus());
            return !r.agiStatus().equals("HANGUP");
        }

        Outcome outcome(boolean hungUp) {
            return new Outcome(trace, queued, agiCalls, vars, hungUp);
        }
    }
}
