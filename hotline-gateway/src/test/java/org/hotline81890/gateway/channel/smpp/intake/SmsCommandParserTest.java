package org.hotline81890.gateway.channel.smpp.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;

import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.AcceptJob;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.CallResident;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.GiveAddress;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.StartJob;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.CompleteJob;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.DeclineJob;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.ExtendJob;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.InvalidTicket;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.OrdinaryRequest;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.QueryStatus;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.StartNotifications;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.StopNotifications;
import org.hotline81890.gateway.channel.smpp.intake.SmsCommand.SurveyReply;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsCommandParserTest {
    /** 12345678 + Damm check digit. */
    private static final String T = "12345678" + Damm.checkDigit("12345678");
    private static final String SPACED = T.substring(0, 3) + " " + T.substring(3, 6) + "-" + T.substring(6);
    private static final String WRONG = T.substring(0, 8) + ((T.charAt(8) - '0' + 1) % 10);

    static Stream<Arguments> residents() {
        return Stream.of(
                Arguments.of("查询 " + T, new QueryStatus(Optional.of(T))),
                Arguments.of("查询" + T, new QueryStatus(Optional.of(T))),
                Arguments.of("cx " + SPACED, new QueryStatus(Optional.of(T))),
                Arguments.of("CX" + T, new QueryStatus(Optional.of(T))),
                Arguments.of("ＣＸ　" + T, new QueryStatus(Optional.of(T))),
                Arguments.of("查询", new QueryStatus(Optional.empty())),
                Arguments.of(" status ", new QueryStatus(Optional.empty())),
                Arguments.of("STATUS " + T, new QueryStatus(Optional.of(T))),
                Arguments.of("查询 " + WRONG, new InvalidTicket("查询", WRONG)),
                Arguments.of("查询 12345", new InvalidTicket("查询", "12345")),
                Arguments.of("查询一下医保报销政策", new OrdinaryRequest("查询一下医保报销政策")),
                Arguments.of("查询2024年补贴", new OrdinaryRequest("查询2024年补贴")),
                Arguments.of("1", new SurveyReply(SurveyAnswer.SATISFIED)),
                Arguments.of("２", new SurveyReply(SurveyAnswer.BASICALLY_SATISFIED)),
                Arguments.of("3。", new SurveyReply(SurveyAnswer.UNSATISFIED)),
                Arguments.of("满意", new SurveyReply(SurveyAnswer.SATISFIED)),
                Arguments.of("基本满意", new SurveyReply(SurveyAnswer.BASICALLY_SATISFIED)),
                Arguments.of("不满意！", new SurveyReply(SurveyAnswer.UNSATISFIED)),
                Arguments.of("td", new StopNotifications()),
                Arguments.of("退订", new StopNotifications()),
                Arguments.of("STOP", new StopNotifications()),
                Arguments.of("KT", new StartNotifications()),
                Arguments.of("开通", new StartNotifications()),
                Arguments.of("start", new StartNotifications()),
                Arguments.of("stopped water since morning", new OrdinaryRequest("stopped water since morning")),
                Arguments.of("接单 " + T, new OrdinaryRequest("接单 " + T)),
                Arguments.of("JD", new OrdinaryRequest("JD")),
                Arguments.of("延期 " + T + " 24 等待材料", new OrdinaryRequest("延期 " + T + " 24 等待材料")),
                Arguments.of("路灯坏了", new OrdinaryRequest("路灯坏了")),
                Arguments.of("12", new OrdinaryRequest("12")),
                Arguments.of("出发 " + T, new OrdinaryRequest("出发 " + T)),
                Arguments.of("地址 柳汀街88号3单元502", new GiveAddress("柳汀街88号3单元502")),
                Arguments.of("地址：柳汀街88号，3单元502。", new GiveAddress("柳汀街88号，3单元502。")),
                Arguments.of("DZ 柳汀街88号", new GiveAddress("柳汀街88号")),
                Arguments.of("地址", new OrdinaryRequest("地址")));
    }

    @ParameterizedTest(name = "resident: {0}")
    @MethodSource("residents")
    void residentCommands(String text, SmsCommand expected) {
        assertThat(SmsCommandParser.parse(text, false)).isEqualTo(expected);
    }

    static Stream<Arguments> partners() {
        return Stream.of(
                Arguments.of("接单 " + T, new AcceptJob(Optional.of(T))),
                Arguments.of("jd " + SPACED, new AcceptJob(Optional.of(T))),
                Arguments.of("ACCEPT", new AcceptJob(Optional.empty())),
                Arguments.of("拒单 " + T + " 人手不够", new DeclineJob(Optional.of(T), Optional.of("人手不够"))),
                Arguments.of("JJ", new DeclineJob(Optional.empty(), Optional.empty())),
                Arguments.of("decline " + T, new DeclineJob(Optional.of(T), Optional.empty())),
                Arguments.of("完成 " + T + " 已更换灯泡", new CompleteJob(Optional.of(T), Optional.of("已更换灯泡"))),
                Arguments.of("WC " + T, new CompleteJob(Optional.of(T), Optional.empty())),
                Arguments.of("DONE " + T + " replaced 2 bulbs",
                        new CompleteJob(Optional.of(T), Optional.of("replaced 2 bulbs"))),
                Arguments.of("完成 " + WRONG, new InvalidTicket("完成", WRONG)),
                Arguments.of("延期 " + T + " 24 等待材料", new ExtendJob(Optional.of(T), Optional.of(24),
                        Optional.of("等待材料"))),
                Arguments.of("延期 " + T + " 48小时，主管道要换", new ExtendJob(Optional.of(T), Optional.of(48),
                        Optional.of("主管道要换"))),
                Arguments.of("YQ " + SPACED + " 12h parts", new ExtendJob(Optional.of(T), Optional.of(12),
                        Optional.of("parts"))),
                Arguments.of("extend " + T + " 6", new ExtendJob(Optional.of(T), Optional.of(6), Optional.empty())),
                Arguments.of("延期 " + T + " 等待材料", new ExtendJob(Optional.of(T), Optional.empty(),
                        Optional.of("等待材料"))),
                Arguments.of("延期 " + T + " 0 x", new ExtendJob(Optional.of(T), Optional.empty(), Optional.of("0 x"))),
                Arguments.of("延期 " + T + " 24hello", new ExtendJob(Optional.of(T), Optional.empty(),
                        Optional.of("24hello"))),
                Arguments.of("延期 " + WRONG + " 24 x", new InvalidTicket("延期", WRONG)),
                Arguments.of("查询 " + T, new QueryStatus(Optional.of(T))),
                Arguments.of("JDX", new OrdinaryRequest("JDX")),
                Arguments.of("完成 " + T + " 上门复修，更换角阀", new CompleteJob(Optional.of(T),
                        Optional.of("上门复修，更换角阀"))),
                Arguments.of("完成 " + SPACED + "：上门复修，更换角阀（已试水）。", new CompleteJob(Optional.of(T),
                        Optional.of("上门复修，更换角阀（已试水）"))),
                Arguments.of("拒单 " + T + " 今天没人，明天可以", new DeclineJob(Optional.of(T),
                        Optional.of("今天没人，明天可以"))),
                Arguments.of("延期 " + T + " 24 等待材料，周一到", new ExtendJob(Optional.of(T), Optional.of(24),
                        Optional.of("等待材料，周一到"))),
                Arguments.of("出发 " + T, new StartJob(Optional.of(T))),
                Arguments.of("CF " + SPACED, new StartJob(Optional.of(T))),
                Arguments.of("start " + T, new StartJob(Optional.of(T))),
                Arguments.of("start", new StartNotifications()),
                Arguments.of("呼叫 " + T, new CallResident(Optional.of(T))),
                Arguments.of("HJ" + T, new CallResident(Optional.of(T))),
                Arguments.of("call " + T, new CallResident(Optional.of(T))));
    }

    @ParameterizedTest(name = "partner: {0}")
    @MethodSource("partners")
    void partnerCommands(String text, SmsCommand expected) {
        assertThat(SmsCommandParser.parse(text, true)).isEqualTo(expected);
    }

    @Test
    void dammCatchesSingleDigitErrorsAndAdjacentSwaps() {
        assertThat(Damm.checkDigit("572")).isEqualTo(4);
        assertThat(Damm.isValid("5724")).isTrue();
        assertThat(Damm.isValid("5734")).isFalse();
        assertThat(Damm.isValid("7524")).isFalse();
    }
}
