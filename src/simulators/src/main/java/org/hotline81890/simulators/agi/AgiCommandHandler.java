package org.hotline81890.simulators.agi;

import java.util.List;
import java.util.Optional;

/** Answers one parsed command the way res_agi does: 510 unknown, 511 on a dead channel, 520 bad usage. */
final class AgiCommandHandler {

    private AgiCommandHandler() {
    }

    static AgiReply handle(AgiChannel ch, String line) {
        List<String> args = AgiArgs.parse(line);
        Optional<AgiCommandTable.Command> found = AgiCommandTable.find(args);
        if (found.isEmpty()) {
            return AgiReply.of(AgiReply.UNKNOWN);
        }
        AgiCommandTable.Command c = found.get();
        if (!ch.alive() && !c.deadOk()) {
            return AgiReply.of(AgiReply.DEAD);
        }
        if (args.size() < c.minArgs() || args.size() > c.maxArgs()) {
            return AgiReply.usage(c.usage());
        }
        return run(ch, c.verb(), args);
    }

    private static AgiReply run(AgiChannel ch, String verb, List<String> a) {
        return switch (verb) {
            case "ANSWER" -> answer(ch);
            case "HANGUP" -> hangup(ch, a);
            case "CHANNEL STATUS" -> a.size() == 3 && !a.get(2).equals(ch.spec.channel())
                    ? AgiReply.result(-1) : AgiReply.result(ch.answered() ? 6 : 4);
            case "GET VARIABLE" -> valueReply(ch.get(a.get(2)));
            case "GET FULL VARIABLE" -> AgiReply.of("200 result=1 (" + ch.expand(a.get(3)) + ")");
            case "SET VARIABLE" -> {
                ch.set(a.get(2), a.get(3));
                yield AgiReply.result(1);
            }
            case "DATABASE PUT" -> {
                ch.astDb.put(a.get(2) + "/" + a.get(3), a.get(4));
                yield AgiReply.result(1);
            }
            case "DATABASE GET" -> valueReply(Optional.ofNullable(ch.astDb.get(a.get(2) + "/" + a.get(3))));
            case "DATABASE DEL" -> AgiReply.result(ch.astDb.remove(a.get(2) + "/" + a.get(3)) == null ? 0 : 1);
            case "EXEC" -> AgiApplications.exec(ch, a.get(1), a.size() > 2 ? String.join(" ", a.subList(2, a.size()))
                    : "");
            case "VERBOSE", "SET CALLERID" -> AgiReply.result(1);
            case "NOOP", "SET CONTEXT", "SET EXTENSION", "SET PRIORITY", "SET MUSIC" -> AgiReply.result(0);
            default -> AgiMedia.run(ch, verb, a);
        };
    }

    private static AgiReply answer(AgiChannel ch) {
        if (!ch.answered()) {
            AgiMedia.pause(ch.spec.answerDelay());
            ch.answer();
        }
        return AgiReply.result(0);
    }

    private static AgiReply hangup(AgiChannel ch, List<String> a) {
        if (a.size() == 2 && !a.get(1).equals(ch.spec.channel())) {
            return AgiReply.result(-1);
        }
        ch.hangUp(AgiCallResult.HangupSource.SCRIPT);
        return AgiReply.hungUp("200 result=1");
    }

    private static AgiReply valueReply(Optional<String> value) {
        return value.map(v -> AgiReply.of("200 result=1 (" + v + ")")).orElse(AgiReply.result(0));
    }
}
