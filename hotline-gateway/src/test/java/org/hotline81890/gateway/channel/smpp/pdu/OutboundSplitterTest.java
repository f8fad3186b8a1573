package org.hotline81890.gateway.channel.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OutboundSplitterTest {

    @ParameterizedTest(name = "{0} chars of {1}, gsm={2} -> {3} parts")
    @CsvSource({
        "70,  路, false, 1", "71,  路, false, 2", "134, 路, false, 2", "135, 路, false, 3",
        "160, a, true,  1", "161, a, true,  2", "306, a, true,  2", "307, a, true,  3",
        "160, a, false, 3",
    })
    void partCounts(int length, String ch, boolean gsm, int parts) {
        List<OutboundPart> out = new OutboundSplitter(gsm).split(ch.repeat(length), 9);
        assertThat(out).hasSize(parts);
        assertThat(out).allSatisfy(p -> assertThat(p.udhi()).isEqualTo(parts > 1));
    }

    @Test
    void partsCarryAn8BitRefUdhAndReassembleToTheText() {
        String text = "测试".repeat(40) + "😀" + "尾";
        List<OutboundPart> out = new OutboundSplitter(false).split(text, 0x1A7);
        StringBuilder back = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            UserData ud = UserData.parse(out.get(i).shortMessage(), true);
            assertThat(ud.concat()).contains(new Concat(0xA7, out.size(), i + 1, Concat.Scheme.UDH_8BIT));
            assertThat(out.get(i).dataCoding()).isEqualTo(8);
            back.append(SmsText.decode(8, ud.body()));
        }
        assertThat(back.toString()).isEqualTo(text);
    }

    @Test
    void neverCutsASurrogatePairOrAGsmEscape() {
        String emoji = "a".repeat(66) + "😀" + "b".repeat(10);
        List<OutboundPart> ucs = new OutboundSplitter(false).split(emoji, 1);
        assertThat(SmsText.decode(8, UserData.parse(ucs.get(1).shortMessage(), true).body())).startsWith("😀");
        String euro = "a".repeat(152) + "€" + "b".repeat(10);
        List<OutboundPart> gsm = new OutboundSplitter(true).split(euro, 1);
        assertThat(SmsText.decode(0, UserData.parse(gsm.get(1).shortMessage(), true).body())).startsWith("€");
    }
}
