package org.hotline81890.simulators.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.simulators.agi.AgiCallResult;
import org.junit.jupiter.api.Test;

class DialplanRunnerTest {
    private static final Dialplan PLAN = Dialplan.parse(List.of(
            "[globals]", "GATEWAY=10.0.0.20:4573", "Q=hotline",
            "[in]",
            "exten => 100,1,NoOp(call from ${CALLERID(num)}) ; a comment",
            " same => n,Set(CHANNEL(language)=zh)",
            " same => n,AGI(agi://${GATEWAY}/intake,a,,b)",
            " same => n,GotoIf($[\"${S}\" = \"OK\" | \"${S}\" = \"\"]?queue)",
            " same => n,Hangup()",
            " same => n(queue),Queue(${IF_Q}${Q},t,,,600)",
            " same => n,GotoIf($[\"${QUEUESTATUS}\" = \"TIMEOUT\"]?late,1)",
            "exten => _X.,1,Goto(in,100,1)",
            "exten => late,1,Set(LATE=1)"));

    private static AgiCallResult agi(String status, Map<String, String> vars) {
        List<AgiCallResult.VariableSet> set = vars.entrySet().stream()
                .map(e -> new AgiCallResult.VariableSet(e.getKey(), e.getValue())).toList();
        return new AgiCallResult("1.1", List.of(), set, vars, AgiCallResult.HangupSource.NONE, 0, true,
                Optional.empty(), status, Duration.ZERO);
    }

    @Test
    void aScriptSettingOkShouldQueueAndATimeoutShouldContinue() {
        String[] seen = new String[3];
        DialplanRunner runner = new DialplanRunner(PLAN, Map.of("GATEWAY", "127.0.0.1:1"), (authority, script, args,
                language, vars) -> {
            seen[0] = authority + "/" + script;
            seen[1] = String.join("|", args);
            seen[2] = language;
            return agi("FAILURE", Map.of("S", "OK"));
        });

        DialplanRunner.Outcome o = runner.run("in", "555", Map.of("CALLERID(num)", "138"),
                DialplanRunner.QueueOutcome.TIMEOUT);

        assertThat(seen).containsExactly("127.0.0.1:1/intake", "a||b", "zh");
        assertThat(o.trace().getFirst()).isEqualTo("in,555,1 Goto(in,100,1)");
        assertThat(o.trace().get(1)).isEqualTo("in,100,1 NoOp(call from 138)");
        assertThat(o.firstQueue()).map(DialplanRunner.Queued::queue).contains("hotline");
        assertThat(o.variables()).containsEntry("AGISTATUS", "FAILURE").containsEntry("LATE", "1");
        assertThat(o.hungUp()).isFalse();
    }

    @Test
    void anAgiHangUpShouldEndTheCall() {
        DialplanRunner runner = new DialplanRunner(PLAN, Map.of(), (a, s, args, l, v) -> agi("HANGUP", Map.of()));

        DialplanRunner.Outcome o = runner.run("in", "100", Map.of(), DialplanRunner.QueueOutcome.ANSWERED);

        assertThat(o.queued()).isEmpty();
        assertThat(o.hungUp()).isTrue();
    }

    @Test
    void expressionsShouldCompareQuotedStringsAndRefuseWhatTheyDoNotKnow() {
        assertThat(Expressions.substitute("$[\"${A}\" != \"x\" & \"${B}\" = \"\"]", Map.of("A", "y")))
                .isEqualTo("1");
        assertThat(Expressions.evaluate("\"OK\" = \"FAILED\" | \"a b\" = \"a b\"")).isEqualTo("1");
        assertThatThrownBy(() -> Expressions.evaluate("${LEN} > 3")).isInstanceOf(IllegalArgumentException.class);
    }
}
