package org.hotline81890.gateway.channel.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import io.vertx.ext.web.RoutingContext;

/**
 * The admin API's bearer token: from configuration, or generated on first run, kept in {@code <data.dir>/admin-token}
 * (mode 600) and printed once. Residents' data is never served without it.
 */
public final class AdminToken {
    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public static AdminToken resolve(String configured, Path dataDir, PrintStream announce) {
        if (!configured.isBlank()) {
            return new AdminToken(configured.strip());
        }
        Path file = dataDir.resolve("admin-token");
        try {
            if (Files.exists(file)) {
                return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Files.createDirectories(dataDir);
            Files.writeString(file, fresh + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file stays with its default permissions
            }
            announce.println("Admin API token (generated now, kept in " + file + ", shown only this once): " + fresh);
            return new AdminToken(fresh);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the admin token file " + file, e);
        }
    }

    /** Lets the request through or answers 401 without detail. */
    public void check(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"hotline\"").end();
    }
}
