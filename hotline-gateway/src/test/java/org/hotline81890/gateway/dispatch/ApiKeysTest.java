package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline81890.partners.ProviderId;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void derivedKeysShouldBeStablePerSeedAndProviderAndDifferOtherwise() {
        String a = ApiKeys.derive("demo-seed", ProviderId.of("P-0001"));
        assertThat(a).matches("pk_[0-9a-f]{32}").isEqualTo(ApiKeys.derive("demo-seed", ProviderId.of("P-0001")));
        assertThat(a).isNotEqualTo(ApiKeys.derive("demo-seed", ProviderId.of("P-0002")))
                .isNotEqualTo(ApiKeys.derive("other-seed", ProviderId.of("P-0001")));
        assertThatThrownBy(() -> ApiKeys.derive("", ProviderId.of("P-0001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomKeysShouldDifferAndHashesShouldBeSha256Hex() {
        String k = ApiKeys.random();
        assertThat(k).matches("pk_[0-9a-f]{32}").isNotEqualTo(ApiKeys.random());
        assertThat(ApiKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
