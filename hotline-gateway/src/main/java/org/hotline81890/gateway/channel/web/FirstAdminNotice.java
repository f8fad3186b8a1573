package org.hotline81890.gateway.channel.web;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.hotline81890.gateway.people.FirstAdmin;

/**
 * Tells the person starting a new hotline the first admin's password: on a terminal it is printed once and kept
 * nowhere; otherwise (a service, a pipe, a log file) it goes to {@code <data.dir>/first-admin-password} (mode 600)
 * and only that file's path is printed.
 */
public final class FirstAdminNotice {
    static final String FILE = "first-admin-password";

    private FirstAdminNotice() {
    }

    public static void announce(String password, Path dataDir, PrintStream console, boolean terminal) {
        if (terminal) {
            console.println("First admin created: login '" + FirstAdmin.LOGIN + "', password " + password
                    + " (shown only this once; log in at /login and change it)");
            return;
        }
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps its default permissions
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the first admin's password to " + file, e);
        }
        console.println("First admin created: login '" + FirstAdmin.LOGIN + "'; its password is in " + file
                + " (not a terminal, so not printed; log in, change it, delete the file)");
    }

    /** Whether standard output is a terminal a person reads (Console.isTerminal on JDK 22+). */
    public static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
