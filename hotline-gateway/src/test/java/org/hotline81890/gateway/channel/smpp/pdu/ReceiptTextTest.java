package org.hotline81890.gateway.channel.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReceiptTextTest {

    @Test
    void readsTheAppendixBFormat() {
        ReceiptText r = ReceiptText.parse("id:0123456789 sub:001 dlvrd:001 submit date:2611230841 "
                + "done date:2611230842 stat:DELIVRD err:000 text:hello").orElseThrow();
        assertThat(r.id()).contains("0123456789");
        assertThat(r.stat()).contains("DELIVRD");
        assertThat(r.err()).contains("000");
        assertThat(r.submitDate()).contains("2611230841");
        assertThat(r.doneDate()).contains("2611230842");
    }

    @Test
    void fieldOrderAndCaseDoNotMatter() {
        ReceiptText r = ReceiptText.parse("STAT:undeliv ID:ab12 Err:006").orElseThrow();
        assertThat(r.id()).contains("ab12");
        assertThat(r.stat()).contains("UNDELIV");
        assertThat(r.doneDate()).isEmpty();
    }

    @Test
    void ordinaryTextIsNotAReceipt() {
        assertThat(ReceiptText.parse("my id: 3301 the lamp is broken")).isEqualTo(Optional.empty());
    }
}
