package org.hotline81890.gateway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.people.AddResult;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hotline users add|list|disable|reset-password}: the people who log in. Scripts outside the project rely on
 * the exact arguments, the one-line outputs and the exit codes (0 done, 2 refused with one line on stderr).
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manages the people who log in to the pages.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListPeople.class, UsersCommand.Disable.class,
                UsersCommand.ResetPassword.class})
public final class UsersCommand implements Runnable {
    static final int REFUSED = 2;

    @Override
    public void run() {
        System.err.println("usage: hotline users add|list|disable|reset-password (--help for each)");
    }

    /** The database options every subcommand takes. */
    static final class Db {
        @Mixin
        ConfigOption config;

        /** Runs {@code work} on the people of the configured database (a running hotline's embedded one too). */
        int with(Function<People, Integer> work) {
            return withProviders((people, known) -> work.apply(people));
        }

        /** As {@link #with}, also telling whether a provider id is in the provider table. */
        int withProviders(BiFunction<People, Predicate<String>, Integer> work) {
            return HotlineApp.withPeople(config.load(), work);
        }
    }

    /** {@code --password-stdin}, required: a password is never an argument, which ps and shell histories show. */
    static final class PasswordStdin {
        @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
        boolean given;

        /** The first line of {@code in} ("" when there is none). */
        String read(InputStream in) {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the password from standard input", e);
            }
        }
    }

    /** {@code hotline users add LOGIN --role ROLE [--name] [--provider] [--extension] --password-stdin}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Creates a person; prints `created LOGIN ROLE`.")
    public static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "LOGIN")
        String login;
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "agent, supervisor, department, partner, volunteer or admin")
        String role;
        @Option(names = "--name", paramLabel = "NAME")
        String name;
        @Option(names = "--provider", paramLabel = "PROVIDER_ID", description = "required for department, partner, "
                + "volunteer")
        String provider;
        @Option(names = "--extension", paramLabel = "EXT", description = "an agent's phone extension (queue member)")
        String extension;
        @Mixin
        PasswordStdin password;
        @Mixin
        Db db;

        @Override
        public Integer call() {
            return run(db::withProviders, System.in, System.out, System.err);
        }

        int run(Function<BiFunction<People, Predicate<String>, Integer>, Integer> on, InputStream in, PrintStream out,
                PrintStream err) {
            Optional<Role> r = Role.of(role);
            if (r.isEmpty()) {
                err.println("unknown role " + role + " (agent, supervisor, department, partner, volunteer, admin)");
                return REFUSED;
            }
            NewPerson p = new NewPerson(login, r.get(), name, Optional.ofNullable(provider),
                    Optional.ofNullable(extension));
            Optional<String> problem = p.problem();
            if (problem.isPresent()) {
                err.println(problem.get());
                return REFUSED;
            }
            String secret = password.read(in);
            return on.apply((people, providerKnown) -> {
                // A login for a provider that is not in the table could never see a job: refuse it (issue 14).
                if (p.provider().isPresent() && !providerKnown.test(p.provider().get())) {
                    err.println("no provider " + p.provider().get() + " (onboard it first on /admin/providers or "
                            + "with hotline providers import)");
                    return REFUSED;
                }
                return switch (people.add(p, secret)) {
                    case AddResult.Created c -> {
                        out.println("created " + c.person().login() + " " + c.person().role().wire());
                        yield 0;
                    }
                    case AddResult.Refused refused -> {
                        err.println(refused.reason());
                        yield REFUSED;
                    }
                };
            });
        }
    }

    /** {@code hotline users list}: one line per person, tab-separated. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists people: LOGIN ROLE NAME PROVIDER EXTENSION STATUS, tab-separated.")
    public static final class ListPeople implements Callable<Integer> {
        @Mixin
        Db db;

        @Override
        public Integer call() {
            return db.with(people -> {
                for (Person p : people.list()) {
                    System.out.println(String.join("\t", p.login(), p.role().wire(), p.name(),
                            p.provider().orElse("-"), p.extension().orElse("-"),
                            p.disabled() ? "disabled" : "enabled"));
                }
                return 0;
            });
        }
    }

    /** {@code hotline users disable LOGIN}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a person and ends their sessions; prints `disabled LOGIN`.")
    public static final class Disable implements Callable<Integer> {
        @Parameters(paramLabel = "LOGIN")
        String login;
        @Mixin
        Db db;

        @Override
        public Integer call() {
            return db.with(people -> done(people.disable(login), "disabled " + login));
        }
    }

    /** {@code hotline users reset-password LOGIN --password-stdin}. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Sets a new password (read from standard input) and ends the person's sessions; prints "
                    + "`password reset LOGIN`.")
    public static final class ResetPassword implements Callable<Integer> {
        @Parameters(paramLabel = "LOGIN")
        String login;
        @Mixin
        PasswordStdin password;
        @Mixin
        Db db;

        @Override
        public Integer call() {
            String secret = password.read(System.in);
            return db.with(people -> done(people.resetPassword(login, secret), "password reset " + login));
        }
    }

    static int done(Optional<String> problem, String line) {
        if (problem.isPresent()) {
            System.err.println(problem.get());
            return REFUSED;
        }
        System.out.println(line);
        return 0;
    }
}
