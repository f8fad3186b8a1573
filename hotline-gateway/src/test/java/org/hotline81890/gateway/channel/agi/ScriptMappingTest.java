package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptMappingTest {
    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(nullValues = "NONE", value = {
            "intake, intake",
            "/intake, intake",
            "/intake?lang=zh, intake",
            "status?, status",
            "'/survey ', survey",
            "/, ''",
            "'', ''",
            "NONE, ''",
            "?x=1, ''",
            "/a/b, a/b",
    })
    void scriptNameIsThePathWithoutSlashOrQuery(String script, String name) {
        assertThat(ScriptMapping.nameOf(script)).isEqualTo(name);
    }
}
