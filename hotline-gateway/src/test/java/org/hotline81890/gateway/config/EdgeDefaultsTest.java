package org.hotline81890.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a hotline started with no configuration exposes (issue 16, L5) and how its embedded database is sized (the
 * embedded default under load): the reference file's defaults, not what a library would pick.
 */
class EdgeDefaultsTest {
    private final HotlineConfig defaults = HotlineConfig.load(null, Map.of());

    @Test
    void httpShouldListenOnLoopbackAndShowMetricsToLoopbackOnly() {
        assertThat(defaults.http().host()).isEqualTo("127.0.0.1");
        assertThat(defaults.http().metrics()).isEqualTo(HotlineConfig.MetricsAccess.LOOPBACK);
        assertThat(HotlineConfig.load(null, Map.of("HOTLINE_HTTP_METRICS", "token")).http().metrics())
                .isEqualTo(HotlineConfig.MetricsAccess.TOKEN);
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_HTTP_METRICS", "everyone")))
                .hasMessageContaining("http.metrics").hasMessageContaining("everyone");
    }

    @Test
    void theEmbeddedServerShouldBeSizedForTheMachineNotMariaDb4jsDefaults() {
        List<String> args = defaults.db().embeddedServerArgs();
        assertThat(args).contains("--innodb-log-file-size=256M");
        String pool = args.stream().filter(a -> a.startsWith("--innodb-buffer-pool-size=")).findFirst().orElseThrow();
        int mib = Integer.parseInt(pool.replaceAll("\\D", ""));
        // a quarter of the machine's memory, at least MariaDB's own 128M and at most 1G (a 4 GB box gets 1G)
        assertThat(mib).isBetween(128, 1024);
        HotlineConfig small = HotlineConfig.load(null, Map.of("HOTLINE_DB_EMBEDDED_BUFFER_POOL", "128M",
                "HOTLINE_DB_EMBEDDED_LOG_FILE_SIZE", "96M"));
        assertThat(small.db().embeddedServerArgs())
                .containsExactly("--innodb-buffer-pool-size=128M", "--innodb-log-file-size=96M");
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_DB_EMBEDDED_BUFFER_POOL", "lots")))
                .hasMessageContaining("db.embedded-buffer-pool").hasMessageContaining("lots");
    }
}
