package org.hotline81890.gateway.storage.mysql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** The embedded MariaDB's account for the hotline: {@code <data.dir>/mariadb/credentials}, mode 600. */
record EmbeddedCredentials(String user, String password) {
    static final String FILE = "credentials";
    private static final String USER = "hotline";

    static boolean exist(Path home) {
        return Files.exists(home.resolve(FILE));
    }

    static EmbeddedCredentials generate() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return new EmbeddedCredentials(USER, HexFormat.of().formatHex(raw));
    }

    static EmbeddedCredentials read(Path home) throws IOException {
        List<String> lines = Files.readAllLines(home.resolve(FILE), StandardCharsets.UTF_8);
        String user = value(lines, "user");
        String password = value(lines, "password");
        return new EmbeddedCredentials(user, password);
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + key + "= line in " + FILE));
    }

    /** Written to a file of mode 600 first, then moved into place: the password is never readable by others. */
    void write(Path home) throws IOException {
        Path tmp = home.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, "# the embedded MariaDB's account for the hotline (schema " + EmbeddedMariaDb.DATABASE
                + " only)\nuser=" + user + "\npassword=" + password + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, home.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[user=" + user + ", password=***]";
    }
}
