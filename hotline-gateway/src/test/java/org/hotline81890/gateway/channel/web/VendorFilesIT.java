package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm files of src/web-vendor are served under /vendor to anyone, cacheable, byte for byte as npm installed
 * them, and nothing else of node_modules is.
 */
class VendorFilesIT {
    private static final Path NODE_MODULES = Path.of("..", "src", "web-vendor", "node_modules");
    @TempDir
    static Path dataDir;
    private static WebTestApp web;

    @BeforeAll
    static void start() {
        web = WebTestApp.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void sipJsAndEchartsShouldBeServedAsNpmInstalledThem() throws Exception {
        WebClient anyone = new WebClient(web.port());
        for (String file : new String[] {"sip.js/lib/index.js", "sip.js/lib/api/user-agent.js",
                "echarts/dist/echarts.min.js"}) {
            HttpResponse<String> r = anyone.get("/vendor/" + file);
            assertThat(r.statusCode()).as(file).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(file).contains("javascript");
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).as(file).startsWith("public");
            assertThat(r.body()).as(file).isEqualTo(Files.readString(NODE_MODULES.resolve(file)));
        }
    }

    @Test
    void onlyTheListedFilesShouldBeServed() {
        WebClient anyone = new WebClient(web.port());
        assertThat(anyone.get("/vendor/sip.js/package.json").statusCode()).isEqualTo(404);
        assertThat(anyone.get("/vendor/echarts/index.js").statusCode()).isEqualTo(404);
        assertThat(anyone.get("/vendor/sip.js/lib/index.d.ts").statusCode()).isEqualTo(404);
    }
}
