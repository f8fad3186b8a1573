package org.hotline81890.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What every {@link CorrectionStore} does; the in-memory test and the MariaDB IT both run it. */
public interface CorrectionStoreContract {
    Instant T0 = Instant.parse("2026-12-05T01:00:00.123Z");

    CorrectionStore store();

    private static CorrectionStore.NewCorrection draft(String text, String chosen, String agent) {
        return new CorrectionStore.NewCorrection(text, Correction.textKey(text), "RP-01", chosen, "help", agent,
                Optional.of("123456789"), T0);
    }

    @Test
    default void aStoredCorrectionIsFoundAsItWasGiven() {
        Correction c = store().add(draft("阳台顶上滴水，楼上说不是他家的", "RE-05", "agent-7"));
        assertThat(store().find(c.id())).contains(c);
        assertThat(c.text()).isEqualTo("阳台顶上滴水，楼上说不是他家的");
        assertThat(c.matcherFirst()).isEqualTo("RP-01");
        assertThat(c.ticket()).contains("123456789");
        assertThat(c.at()).isEqualTo(T0);
        assertThat(c.confirmed()).isFalse();
    }

    @Test
    default void agreeingFindsTheSameTextAndChoiceOnly() {
        Correction a = store().add(draft("窗外工地每晚打桩", "MC-04", "agent-1"));
        store().add(draft("窗外工地每晚打桩", "MC-03", "agent-2"));
        store().add(draft("窗外工地每天打桩", "MC-04", "agent-3"));
        assertThat(store().agreeing(Correction.textKey("窗外工地 每晚打桩！"), "MC-04")).containsExactly(a);
    }

    @Test
    default void confirmingHappensOnceAndListsIt() {
        Correction c = store().add(draft("电瓶车充电的地方起火了", "ER-04", "agent-1"));
        assertThat(store().pending(10)).contains(c);
        assertThat(store().confirm(c.id(), "supervisor-1", T0.plusSeconds(60))).isTrue();
        assertThat(store().confirm(c.id(), "supervisor-2", T0.plusSeconds(90))).isFalse();
        Correction confirmed = store().find(c.id()).orElseThrow();
        assertThat(confirmed.confirmedBy()).contains("supervisor-1");
        assertThat(confirmed.confirmedAt()).contains(T0.plusSeconds(60));
        assertThat(store().confirmed()).contains(confirmed);
        assertThat(store().pending(10)).doesNotContain(c, confirmed);
    }

    @Test
    default void anUnknownIdIsNotFound() {
        assertThat(store().find(987_654_321L)).isEmpty();
    }
}
