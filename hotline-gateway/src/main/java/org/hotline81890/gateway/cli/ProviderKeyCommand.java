package org.hotline81890.gateway.cli;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.dispatch.Onboarding;
import org.hotline81890.gateway.dispatch.ProviderKeys;
import org.hotline81890.partners.ProviderId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotline providers key issue|list|revoke}: a provider's partner-API keys (the admin page does the same). */
@Command(name = "key", mixinStandardHelpOptions = true, description = "A provider's partner-API keys.",
        subcommands = {ProviderKeyCommand.Issue.class, ProviderKeyCommand.ListKeys.class,
                ProviderKeyCommand.Revoke.class})
public final class ProviderKeyCommand implements Runnable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Override
    public void run() {
        System.err.println("usage: hotline providers key issue|list|revoke PROVIDER_ID ...");
    }

    static ProviderId provider(String id) {
        try {
            return ProviderId.of(id);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new ProviderKeyCommand()),
                    "bad provider id: " + e.getMessage());
        }
    }

    /** A subcommand about one provider's keys: its id first, then the work on the onboarding use case. */
    abstract static class OnProvider implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PROVIDER_ID")
        String provider;

        @Mixin
        ConfigOption config;

        @Override
        public final Integer call() {
            ProviderId id = provider(provider);
            return HotlineApp.withOnboarding(config.load(), o -> run(o, id));
        }

        abstract int run(Onboarding onboarding, ProviderId id);
    }

    /** Prints a new key once; only its hash is stored. */
    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issues a new key and prints it once (only its SHA-256 is stored). With --rotate, the "
                    + "provider's other keys stop after the grace period.")
    public static final class Issue extends OnProvider {
        @Option(names = "--rotate", paramLabel = "HOURS",
                description = "the other keys keep working this many hours, then stop (default: they keep working)")
        Optional<Long> rotateHours = Optional.empty();

        @Override
        int run(Onboarding o, ProviderId id) {
            Optional<Onboarding.Issued> issued = o.issueKey(id, Duration.ofHours(rotateHours.orElse(0L)));
            if (issued.isEmpty()) {
                System.err.println("no provider " + id);
                return 2;
            }
            System.out.println(issued.get().secret());
            System.err.println("the key is shown only now; revoke it with: hotline providers key revoke " + id
                    + " " + issued.get().prefix());
            return 0;
        }
    }

    /** Prefix, created, state; never the keys. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a provider's keys by prefix.")
    public static final class ListKeys extends OnProvider {
        @Override
        int run(Onboarding o, ProviderId id) {
            java.time.Instant now = java.time.Instant.now();
            for (ProviderKeys.KeyInfo k : o.keys(id)) {
                String state = k.revokedAt().map(t -> "revoked " + TIME.format(t))
                        .or(() -> k.expiresAt().map(t -> (now.isBefore(t) ? "expires " : "expired ")
                                + TIME.format(t))).orElse("live");
                System.out.println(k.prefix() + "\t" + TIME.format(k.createdAt()) + "\t" + state);
            }
            return 0;
        }
    }

    /** Revokes by prefix, at once. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes the provider's live key(s) with this prefix (as printed by issue and list).")
    public static final class Revoke extends OnProvider {
        @Parameters(index = "1", paramLabel = "KEY_PREFIX")
        String prefix;

        @Override
        int run(Onboarding o, ProviderId id) {
            int n = o.revokeKey(id, prefix);
            if (n == 0) {
                System.err.println("no live key " + prefix + " of " + id);
                return 2;
            }
            System.out.println("revoked " + n + " key(s) " + prefix + " of " + id);
            return 0;
        }
    }
}
