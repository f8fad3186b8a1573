package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/** What every {@link PartStore} must do; run against the in-memory fake and real MariaDB. */
public interface PartStoreContract {
    PartStore parts();

    private static PartKey freshKey() {
        return new PartKey("1380000" + ThreadLocalRandom.current().nextInt(1000, 9999), "81890",
                ThreadLocalRandom.current().nextInt(0, 0xFFFF));
    }

    private static StagedPart part(PartKey key, int sequence, String text, Instant at) {
        return new StagedPart(key, sequence, 2, text, "fp-" + sequence, Optional.empty(),
                at.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    default void savedPartsShouldLoadBackAndKeepTheFirstCopyOfADuplicate() {
        PartKey key = freshKey();
        Instant now = Instant.now();

        assertThat(parts().save(part(key, 1, "楼上漏水", now))).isEqualTo(PartStore.Saved.STAGED);
        assertThat(parts().save(part(key, 1, "another text", now))).isEqualTo(PartStore.Saved.STAGED);
        parts().save(part(key, 2, "请派人来", now));

        assertThat(parts().load(key)).extracting(StagedPart::sequence, StagedPart::text)
                .containsExactlyInAnyOrder(tuple(1, "楼上漏水"),
                        tuple(2, "请派人来"));
    }

    @Test
    default void aPartOfACompletedMessageShouldBeKnownAsARedeliveryOnlyWithTheSameText() {
        PartKey key = freshKey();
        Instant now = Instant.now();
        parts().save(part(key, 1, "楼上漏水", now));
        parts().save(part(key, 2, "请派人来", now));

        parts().delete(key);

        assertThat(parts().load(key)).isEmpty();
        assertThat(parts().save(part(key, 1, "楼上漏水", now))).isEqualTo(PartStore.Saved.ALREADY_COMPLETED);
        assertThat(parts().save(part(key, 1, "the reference reused", now))).isEqualTo(PartStore.Saved.STAGED);
        assertThat(parts().load(key)).extracting(StagedPart::text).containsExactly("the reference reused");
    }

    @Test
    default void keysStagedBeforeShouldNameOnlyMessagesWithAnOlderPart() {
        PartKey old = freshKey();
        PartKey recent = freshKey();
        Instant now = Instant.now();
        parts().save(part(old, 1, "old", now.minusSeconds(600)));
        parts().save(part(recent, 1, "recent", now));

        assertThat(parts().keysStagedBefore(now.minusSeconds(300))).contains(old).doesNotContain(recent);
    }
}
