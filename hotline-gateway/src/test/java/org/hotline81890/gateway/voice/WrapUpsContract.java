package org.hotline81890.gateway.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link WrapUps} must do; run on the in-memory fake and on MariaDB. */
public interface WrapUpsContract {
    WrapUps wrapUps();

    @Test
    default void aFinishedCallIsOpenUntilItsCodeIsRecordedAndARepeatedEndKeepsTheFirst() {
        String ext = "9" + UUID.randomUUID().toString().substring(0, 6);
        Instant t = Instant.parse("2026-12-05T03:00:00Z");
        wrapUps().begin(ext, "1733367600.1", t);
        wrapUps().begin(ext, "1733367600.1", t.plusSeconds(5));
        WrapUps.Open open = wrapUps().open(ext).orElseThrow();
        assertThat(open.uniqueId()).isEqualTo("1733367600.1");
        assertThat(open.startedAt()).isEqualTo(t);

        assertThat(wrapUps().finish(open.id(), "已派单", "wangfang", t.plusSeconds(20))).isTrue();
        assertThat(wrapUps().open(ext)).isEmpty();
        assertThat(wrapUps().finish(open.id(), "无效来电", "wangfang", t.plusSeconds(30))).isFalse();
    }

    @Test
    default void finishingTheLatestClosesOlderOnesLeftOpenAndNoOtherAgentsOnes() {
        String ext = "8" + UUID.randomUUID().toString().substring(0, 6);
        String other = "7" + UUID.randomUUID().toString().substring(0, 6);
        Instant t = Instant.parse("2026-12-05T03:00:00Z");
        wrapUps().begin(ext, "a.1", t);
        wrapUps().begin(ext, "a.2", t.plusSeconds(60));
        wrapUps().begin(other, "b.1", t);
        WrapUps.Open latest = wrapUps().open(ext).orElseThrow();
        assertThat(latest.uniqueId()).isEqualTo("a.2");

        assertThat(wrapUps().finish(latest.id(), "已解答", "wangfang", t.plusSeconds(90))).isTrue();
        assertThat(wrapUps().open(ext)).isEmpty();
        assertThat(wrapUps().open(other)).isPresent();
    }

    @Test
    default void aWrapUpLeftOutOfTheQueueStaysOpenAndSaysSoUntilItsCode() {
        String ext = "6" + UUID.randomUUID().toString().substring(0, 6);
        Instant t = Instant.parse("2026-12-05T03:00:00Z");
        wrapUps().begin(ext, "c.1", t);
        WrapUps.Open open = wrapUps().open(ext).orElseThrow();
        assertThat(open.signedOut()).isFalse();

        wrapUps().signedOut(open.id(), t.plusSeconds(10));
        assertThat(wrapUps().open(ext)).get().extracting(WrapUps.Open::signedOut).isEqualTo(true);
        assertThat(wrapUps().finish(open.id(), "已派单", "wangfang", t.plusSeconds(20))).isTrue();
        assertThat(wrapUps().open(ext)).isEmpty();
        wrapUps().begin(ext, "c.2", t.plusSeconds(60));
        assertThat(wrapUps().open(ext)).get().extracting(WrapUps.Open::signedOut).isEqualTo(false);
    }
}
