package org.hotline81890.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo's banner shows the admin token only to a terminal (issue 16, L6): standard output in a file is a log. */
class DemoTokenLineTest {
    private static final String TOKEN = "nWzCOrKJPBcRNkbP4gvmejpPrM";

    @Test
    void toATerminalTheTokenIsShown() {
        assertThat(Demo.tokenLine(TOKEN, "data/admin-token", true, "http://localhost:8080")).contains(TOKEN)
                .contains("http://localhost:8080/api/admin/kpis");
    }

    @Test
    void toAFileOnlyWhereItIsKept() {
        assertThat(Demo.tokenLine(TOKEN, "data/admin-token", false, "http://localhost:8080"))
                .doesNotContain(TOKEN).contains("kept in data/admin-token").contains("not printed");
    }
}
