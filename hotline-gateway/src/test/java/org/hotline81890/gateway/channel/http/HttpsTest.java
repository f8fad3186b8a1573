package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.hotline81890.gateway.config.HotlineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http.tls.cert-file and key-file: the port serves HTTPS with the given PEM certificate and key. */
class HttpsTest {
    @Test
    void theConfiguredPemPairShouldServeHttps(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("tls.p12");
        Path keytool = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "hotline", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("hotline").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ((PrivateKey) ks.getKey("hotline", "changeit".toCharArray()))
                .getEncoded()));

        Vertx vertx = Vertx.vertx();
        try {
            HotlineConfig.Http cfg = new HotlineConfig.Http("127.0.0.1", 0, "t0k3n", 65536,
                    new HotlineConfig.Tls(cert.toString(), key.toString()), HotlineConfig.MetricsAccess.LOOPBACK);
            HttpVerticle http = new HttpVerticle(cfg, AdminToken.resolve("t0k3n", dir, System.out, false),
                    List.of(), java.util.Map::of, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(),
                    io.vertx.ext.web.RoutingContext::next);
            vertx.deployVerticle(http).await();
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(ssl).build().send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + http.actualPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("UP");
        } finally {
            vertx.close().await();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
