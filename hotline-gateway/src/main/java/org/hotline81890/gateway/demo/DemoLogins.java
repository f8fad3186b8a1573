package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.people.AddResult;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Role;

/**
 * The demo's five logins (agent, supervisor, partner, department, volunteer) and the simulated SMS agent's,
 * created with the {@code users} use cases on first start with random passwords kept in
 * {@code <data.dir>/demo-logins} (mode 600); the five are printed at every start so a newcomer can open each desk.
 */
final class DemoLogins {
    static final String AGENT_EXTENSION = "1001";
    /** The simulated agent who works the SMS inbox ({@link SmsDesk}); not printed, nobody needs to sign in as it. */
    static final String SMS_DESK = "demo-sms-desk";
    private static final String FILE = "demo-logins";

    record Login(String login, Role role, String name, Optional<String> provider, String password) {
    }

    private DemoLogins() {
    }

    static List<Login> ensure(People people, Path dataDir, SampleProviders providers) {
        Map<String, String> known = read(dataDir.resolve(FILE));
        List<NewPerson> wanted = List.of(
                new NewPerson("demo-agent", Role.AGENT, "王芳（演示话务员）", Optional.empty(),
                        Optional.of(AGENT_EXTENSION)),
                new NewPerson("demo-supervisor", Role.SUPERVISOR, "李明（演示班长）", Optional.empty(), Optional.empty()),
                new NewPerson("demo-partner", Role.PARTNER, "演示合作单位员工",
                        providers.first("PARTNER_COMPANY").map(SampleProviders.Provider::id), Optional.empty()),
                new NewPerson("demo-department", Role.DEPARTMENT, "演示部门经办人",
                        providers.first("DEPARTMENT").map(SampleProviders.Provider::id), Optional.empty()),
                new NewPerson("demo-volunteer", Role.VOLUNTEER, "演示志愿者",
                        providers.first("VOLUNTEER_INDIVIDUAL").map(SampleProviders.Provider::id), Optional.empty()),
                new NewPerson(SMS_DESK, Role.AGENT, "模拟话务员（短信）", Optional.empty(), Optional.empty()));
        List<Login> out = new ArrayList<>();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (NewPerson p : wanted) {
            String password = known.getOrDefault(p.login(), fresh());
            if (people.add(p, password) instanceof AddResult.Refused && !known.containsKey(p.login())) {
                // The login exists from an earlier run whose password file is gone: give it the new one.
                people.resetPassword(p.login(), password).ifPresent(problem -> {
                    throw new IllegalStateException("cannot set the demo password of " + p.login() + ": " + problem);
                });
            }
            passwords.put(p.login(), password);
            out.add(new Login(p.login(), p.role(), p.name(), p.provider(), password));
        }
        write(dataDir.resolve(FILE), passwords);
        return out;
    }

    /** The providers whose staff log in: the people at those desks take their offers, not the simulation. */
    static List<String> providersOf(List<Login> logins) {
        return logins.stream().flatMap(l -> l.provider().stream()).toList();
    }

    private static String fresh() {
        byte[] raw = new byte[6];
        new SecureRandom().nextBytes(raw);
        return "demo-" + HexFormat.of().formatHex(raw);
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length == 2) {
                        out.put(f[0], f[1]);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return out;
    }

    private static void write(Path file, Map<String, String> passwords) {
        StringBuilder text = new StringBuilder();
        passwords.forEach((login, password) -> text.append(login).append('\t').append(password).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
