package org.hotline81890.partners.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.TestProviders;

/** What every {@link ProviderStore} must do; implement with a fresh, empty store per test. */
public interface ProviderStoreContract {
    ProviderStore store();

    @Test
    default void findShouldReturnWhatWasSavedWithEveryField() {
        Provider provider = TestProviders.provider("P-1").services("HK-01", "HK-02")
                .coverage("海曙区/南门街道;海曙区/*/柳西社区").hours("MON-FRI 08:30-17:30; SAT 09:00-12:00").build();
        store().save(provider);
        assertThat(store().find(ProviderId.of("P-1"))).contains(provider);
        assertThat(store().find(ProviderId.of("P-2"))).isEmpty();
    }

    @Test
    default void saveShouldReplaceAProviderWithTheSameId() {
        Provider provider = TestProviders.provider("P-1").build();
        store().save(provider);
        store().save(provider.withStatus(ProviderStatus.SUSPENDED));
        assertThat(store().all()).extracting(Provider::status).containsExactly(ProviderStatus.SUSPENDED);
    }

    @Test
    default void allShouldListEveryProviderOrderedById() {
        store().saveAll(List.of(TestProviders.provider("V-2").build(), TestProviders.provider("DEP-1").build(),
                TestProviders.provider("P-9").build()));
        assertThat(store().all()).extracting(p -> p.id().value()).containsExactly("DEP-1", "P-9", "V-2");
    }
}
