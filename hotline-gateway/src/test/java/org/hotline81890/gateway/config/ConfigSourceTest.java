package org.hotline81890.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {
    @TempDir
    Path dir;

    @Test
    void defaultsShouldComeFromTheReferenceFile() {
        HotlineConfig c = HotlineConfig.load(null, Map.of());
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.db().embedded()).isTrue();
        assertThat(c.data().dir()).isEqualTo(Path.of("./data"));
        assertThat(c.smpp().sourceAddress()).isEqualTo("81890");
        assertThat(c.agi().port()).isEqualTo(4573);
        assertThat(c.agi().allowedHosts()).containsExactly("127.0.0.1");
        assertThat(c.sla().surveyWait()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void environmentShouldOverrideByTheNamingRule() {
        assertThat(ConfigSource.envName("smpp.system-id")).isEqualTo("HOTLINE_SMPP_SYSTEM_ID");
        HotlineConfig c = HotlineConfig.load(null, Map.of("HOTLINE_HTTP_PORT", "9090",
                "HOTLINE_DB_URL", "jdbc:mysql://db/hotline", "HOTLINE_SMPP_SYSTEM_ID", "esme1",
                "HOTLINE_AGI_ALLOWED_HOSTS", "10.0.0.1, 10.0.0.2", "HOTLINE_DATA_DIR", "/var/lib/hotline"));
        assertThat(c.http().port()).isEqualTo(9090);
        assertThat(c.db().embedded()).isFalse();
        assertThat(c.smpp().systemId()).isEqualTo("esme1");
        assertThat(c.agi().allowedHosts()).isEqualTo(List.of("10.0.0.1", "10.0.0.2"));
        assertThat(c.data().dir()).isEqualTo(Path.of("/var/lib/hotline"));
    }

    @Test
    void aFileShouldOverrideAndTheEnvironmentShouldWinOverIt() throws IOException {
        Path f = Files.writeString(dir.resolve("h.yaml"), "http:\n  port: 7000\nsla:\n  survey-wait: 2h\n");
        HotlineConfig c = HotlineConfig.load(f, Map.of("HOTLINE_HTTP_PORT", "7001"));
        assertThat(c.http().port()).isEqualTo(7001);
        assertThat(c.sla().surveyWait()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theNightPolicyShouldReadItsRulesPerServiceClassAndRefuseAnUnknownOne() {
        var defaults = HotlineConfig.load(null, Map.of()).partners().afterHours();
        assertThat(defaults.emergency()).isEqualTo(org.hotline81890.partners.dispatch.AfterHoursRule.ESCALATE);
        assertThat(defaults.departments()).isEqualTo(
                org.hotline81890.partners.dispatch.AfterHoursRule.NEXT_WORKING_DAY);
        assertThat(defaults.others()).isEqualTo(org.hotline81890.partners.dispatch.AfterHoursRule.HOLD);
        assertThat(defaults.categories()).containsEntry("ER",
                org.hotline81890.partners.dispatch.AfterHoursRule.ESCALATE);
        var set = HotlineConfig.load(null, Map.of("HOTLINE_PARTNERS_AFTER_HOURS_CATEGORIES", "UT=hold, RP=escalate",
                "HOTLINE_PARTNERS_AFTER_HOURS_HOLIDAYS", "2026-10-01,2026-10-02")).partners().afterHours();
        assertThat(set.categories()).hasSize(2).containsEntry("UT",
                org.hotline81890.partners.dispatch.AfterHoursRule.HOLD);
        assertThat(set.holidays()).contains(java.time.LocalDate.parse("2026-10-02"));
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_PARTNERS_AFTER_HOURS_OTHERS", "wait")))
                .hasMessageContaining("partners.after-hours.others").hasMessageContaining("wait");
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_PARTNERS_AFTER_HOURS_HOLIDAYS", "1.10.")))
                .hasMessageContaining("partners.after-hours.holidays").hasMessageContaining("1.10.");
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_PARTNERS_AFTER_HOURS_CATEGORIES", "ER")))
                .hasMessageContaining("partners.after-hours.categories");
    }

    @Test
    void makeUpWorkingDaysAndTheOpeningShareShouldBeReadAndChecked() {
        var defaults = HotlineConfig.load(null, Map.of()).partners().afterHours();
        assertThat(defaults.workdays()).isEmpty();
        assertThat(defaults.openingShare()).isEqualTo(0.8);
        var set = HotlineConfig.load(null, Map.of("HOTLINE_PARTNERS_AFTER_HOURS_WORKDAYS", "2026-09-20,2026-10-10",
                "HOTLINE_PARTNERS_AFTER_HOURS_OPENING_SHARE", "50")).partners().afterHours();
        assertThat(set.workdays()).containsExactlyInAnyOrder(java.time.LocalDate.parse("2026-09-20"),
                java.time.LocalDate.parse("2026-10-10"));
        assertThat(set.openingShare()).isEqualTo(0.5);
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_PARTNERS_AFTER_HOURS_WORKDAYS",
                "2026-10-01", "HOTLINE_PARTNERS_AFTER_HOURS_HOLIDAYS", "2026-10-01")))
                .hasMessageContaining("partners.after-hours.workdays").hasMessageContaining("2026-10-01");
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_PARTNERS_AFTER_HOURS_OPENING_SHARE", "0")))
                .hasMessageContaining("partners.after-hours.opening-share");
    }

    @Test
    void aBadValueShouldNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.port").hasMessageContaining("eighty")
                .hasMessageContaining("HOTLINE_HTTP_PORT");
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_OUTBOX_LEASE", "30 minutes")))
                .hasMessageContaining("outbox.lease").hasMessageContaining("30 minutes");
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_SMPP_BIND_TYPE", "duplex")))
                .hasMessageContaining("smpp.bind-type");
        assertThatThrownBy(() -> HotlineConfig.load(null, Map.of("HOTLINE_AMI_ENABLED", "maybe")))
                .hasMessageContaining("ami.enabled");
    }

    @Test
    void anUnknownKeyInAFileShouldBeAnError() throws IOException {
        Path f = Files.writeString(dir.resolve("typo.yaml"), "http:\n  prot: 7000\n");
        assertThatThrownBy(() -> HotlineConfig.load(f, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.prot");
    }
}
