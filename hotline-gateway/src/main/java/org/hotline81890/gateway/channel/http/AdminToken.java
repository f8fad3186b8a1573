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
 * (mode 600) and printed once to a terminal. Residents' data is never served without it.
 */
public final class AdminToken {
    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The token from configuration or {@code <dataDir>/admin-token}, generated there on first run. A generated token
     * is printed only when {@code toTerminal} (stdout is a terminal); otherwise only where it is stored, so it never
     * ends up in a log file.
     */
    public static AdminToken resolve(String configured, Path dataDir, PrintStream announce, boolean toTerminal) {
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
            if (toTerminal) {
                announce.println("Admin API token (generated now, kept in " + file + ", shown only this once): "
                        + fresh);
            } else {
                announce.println("Admin API token generated now and kept in " + file + " (mode 600); "
                        + "not printed because standard output is not a terminal");
            }
            return new AdminToken(fresh);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the admin token file " + file, e);
        }
    }

    /**
     * Whether standard output is a terminal: {@code System.console()} is null otherwise on Java 21; from Java 22 it
     * may be present anyway, and {@code Console.isTerminal()} tells (called reflectively, as we compile for 21).
     */
    public static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Constant-time comparison with the configured or generated token. */
    public boolean matches(String credential) {
        return MessageDigest.isEqual(token, credential.getBytes(StandardCharsets.UTF_8));
    }

    /** Lets the request through or answers 401 without detail. */
    public void check(RoutingContext ctx) {
        if (Bearer.of(ctx).filter(this::matches).isPresent()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"hotline\"").end();
    }
}
