package org.hotline81890.gateway.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/** What every {@link TerminalRegistry} must do; run against the in-memory fake and real MariaDB. */
public interface TerminalRegistryContract {
    TerminalRegistry terminals();

    private static String freshNumber() {
        return "0574" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    @Test
    default void aTerminalShouldBeFoundByTheCallersNumberOnceUpserted() {
        String number = freshNumber();
        assertThat(terminals().find(number)).isEmpty();

        OneKeyTerminal t = new OneKeyTerminal(number, "王阿姨", "独居，心脏病", "鼓楼街道中山西路1号", "女儿 13800001111");
        terminals().upsert(List.of(t));

        assertThat(terminals().find(number)).contains(t);
    }

    @Test
    default void anUpsertShouldReplaceTheTerminalWithTheSameNumber() {
        String number = freshNumber();
        terminals().upsert(List.of(new OneKeyTerminal(number, "王阿姨", "独居", "旧地址", "")));

        OneKeyTerminal moved = new OneKeyTerminal(number, "王阿姨", "独居", "新地址 2号", "儿子 13900002222");
        terminals().upsert(List.of(moved));

        assertThat(terminals().find(number)).contains(moved);
    }

    @Test
    default void anEmptyUpsertShouldChangeNothing() {
        String number = freshNumber();
        OneKeyTerminal t = new OneKeyTerminal(number, "李大爷", "", "", "");
        terminals().upsert(List.of(t));

        terminals().upsert(List.of());

        assertThat(terminals().find(number)).contains(t);
    }
}
