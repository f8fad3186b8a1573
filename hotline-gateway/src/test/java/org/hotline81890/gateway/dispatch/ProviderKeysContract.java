package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.partners.ProviderId;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProviderKeys} must do; run on the in-memory fake and on MariaDB. Each test uses providers of its
 * own, so tests sharing one database do not see each other's keys.
 */
public interface ProviderKeysContract {
    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** The keys under test, reading time from {@link #clock()}, remembering nothing between calls. */
    ProviderKeys keys();

    ManualClock clock();

    /** Marks the provider suspended the way onboarding does (its keys must stop at once). */
    void suspend(ProviderId provider);

    private static ProviderId provider() {
        return ProviderId.of("P-K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }

    @Test
    default void aLiveKeyFindsItsProviderAndAnUnknownKeyNothing() {
        clock().set(T0);
        ProviderId p = provider();
        String key = ApiKeys.random();
        keys().add(p, ApiKeys.hash(key), ApiKeys.prefix(key), T0);

        assertThat(keys().providerOf(ApiKeys.hash(key))).contains(p);
        assertThat(keys().providerOf(ApiKeys.hash(ApiKeys.random()))).isEmpty();
    }

    @Test
    default void keysAreListedNewestFirstByTheirPrefixOnly() {
        clock().set(T0);
        ProviderId p = provider();
        String older = ApiKeys.random();
        String newer = ApiKeys.random();
        String legacy = ApiKeys.hash(ApiKeys.random());
        keys().add(p, ApiKeys.hash(older), ApiKeys.prefix(older), T0);
        keys().add(p, ApiKeys.hash(newer), ApiKeys.prefix(newer), T0.plusSeconds(60));
        keys().add(p, legacy, T0.minusSeconds(60));

        assertThat(keys().keysOf(p)).extracting(ProviderKeys.KeyInfo::prefix).containsExactly(
                ApiKeys.prefix(newer), ApiKeys.prefix(older), "sha256:" + legacy.substring(0, 12));
        assertThat(keys().keysOf(p)).allSatisfy(k -> assertThat(k.liveAt(T0.plusSeconds(120))).isTrue());
        assertThat(keys().keysOf(provider())).isEmpty();
    }

    @Test
    default void aRevokedKeyStopsAtOnceAndOnlyTheOwnersPrefixRevokes() {
        clock().set(T0);
        ProviderId p = provider();
        ProviderId other = provider();
        String key = ApiKeys.random();
        String kept = ApiKeys.random();
        keys().add(p, ApiKeys.hash(key), ApiKeys.prefix(key), T0);
        keys().add(p, ApiKeys.hash(kept), ApiKeys.prefix(kept), T0);

        assertThat(keys().revoke(other, ApiKeys.prefix(key), T0.plusSeconds(1))).as("not the other's key").isZero();
        assertThat(keys().providerOf(ApiKeys.hash(key))).contains(p);
        assertThat(keys().revoke(p, ApiKeys.prefix(key), T0.plusSeconds(2))).isEqualTo(1);
        assertThat(keys().providerOf(ApiKeys.hash(key))).isEmpty();
        assertThat(keys().providerOf(ApiKeys.hash(kept))).contains(p);
        assertThat(keys().revoke(p, ApiKeys.prefix(key), T0.plusSeconds(3))).as("revoked once").isZero();
        assertThat(keys().keysOf(p)).filteredOn(k -> k.prefix().equals(ApiKeys.prefix(key)))
                .singleElement().satisfies(k -> {
                    assertThat(k.revokedAt()).contains(T0.plusSeconds(2));
                    assertThat(k.liveAt(T0.plusSeconds(3))).isFalse();
                });
    }

    @Test
    default void aLegacyKeyIsRevokedByTheStartOfItsHash() {
        clock().set(T0);
        ProviderId p = provider();
        String legacy = ApiKeys.hash(ApiKeys.random());
        keys().add(p, legacy, T0);

        assertThat(keys().revoke(p, "sha256:" + legacy.substring(0, 12), T0.plusSeconds(1))).isEqualTo(1);
        assertThat(keys().providerOf(legacy)).isEmpty();
    }

    @Test
    default void aRotationKeepsTheOldKeysForTheGraceOnly() {
        clock().set(T0);
        ProviderId p = provider();
        String old = ApiKeys.random();
        String fresh = ApiKeys.random();
        keys().add(p, ApiKeys.hash(old), ApiKeys.prefix(old), T0);
        keys().add(p, ApiKeys.hash(fresh), ApiKeys.prefix(fresh), T0.plusSeconds(1));

        assertThat(keys().expireOthers(p, ApiKeys.hash(fresh), T0.plus(Duration.ofHours(24)))).isEqualTo(1);
        clock().set(T0.plus(Duration.ofHours(23)));
        assertThat(keys().providerOf(ApiKeys.hash(old))).as("within the grace").contains(p);
        clock().set(T0.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(keys().providerOf(ApiKeys.hash(old))).as("after the grace").isEmpty();
        assertThat(keys().providerOf(ApiKeys.hash(fresh))).contains(p);
    }

    @Test
    default void aSuspendedProvidersKeysStopAtOnce() {
        clock().set(T0);
        ProviderId p = provider();
        String key = ApiKeys.random();
        keys().add(p, ApiKeys.hash(key), ApiKeys.prefix(key), T0);
        assertThat(keys().providerOf(ApiKeys.hash(key))).contains(p);

        suspend(p);
        keys().forget(p);
        assertThat(keys().providerOf(ApiKeys.hash(key))).isEmpty();
    }

    @Test
    default void addingARevokedKeyAgainMakesItLive() {
        clock().set(T0);
        ProviderId p = provider();
        String key = ApiKeys.random();
        keys().add(p, ApiKeys.hash(key), ApiKeys.prefix(key), T0);
        keys().revoke(p, ApiKeys.prefix(key), T0.plusSeconds(1));

        keys().add(p, ApiKeys.hash(key), ApiKeys.prefix(key), T0.plusSeconds(2));
        assertThat(keys().providerOf(ApiKeys.hash(key))).contains(p);
    }
}
