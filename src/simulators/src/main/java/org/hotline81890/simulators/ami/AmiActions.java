package org.hotline81890.simulators.ami;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Session-level actions: Login (plain and MD5 challenge), Logoff, Ping, Events, CoreSettings, Command. */
final class AmiActions {

    private AmiActions() {
    }

    /** @return false when the connection must close */
    static boolean handle(AmiMessage req, AmiConnection c, AmiServerSimulator s) throws IOException {
        Optional<String> id = req.get("ActionID");
        Optional<String> action = req.get("Action");
        if (action.isEmpty()) {
            c.send(error(id, "Missing action in request"));
            return true;
        }
        String name = action.get().toLowerCase(Locale.ROOT);
        if (!c.authenticated && !name.equals("login") && !name.equals("challenge") && !name.equals("logoff")) {
            c.send(error(id, "Permission denied"));
            return true;
        }
        switch (name) {
            case "login" -> {
                return login(req, id, c, s);
            }
            case "challenge" -> {
                c.challenge = Integer.toString(100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
                c.send(success(id).add("Challenge", c.challenge).build());
            }
            case "logoff" -> {
                c.send(AmiMessage.builder().add("Response", "Goodbye").actionId(id)
                        .add("Message", "Thanks for all the fish.").build());
                return false;
            }
            case "ping" -> c.send(success(id).add("Ping", "Pong")
                    .add("Timestamp", s.config().environment().pingTimestamp()).build());
            case "events" -> {
                c.eventsOn = !req.get("EventMask").orElse("on").equalsIgnoreCase("off");
                c.send(success(id).add("Events", c.eventsOn ? "On" : "Off").build());
            }
            case "coresettings" -> c.send(coreSettings(id));
            case "command" -> c.send(command(req.get("Command").orElse(""), id, s));
            default -> {
                if (!CallActions.handle(name, req, id, c, s)) {
                    c.send(error(id, "Invalid/unknown command: " + action.get()
                            + ". Use Action: ListCommands to show available commands."));
                }
            }
        }
        return true;
    }

    private static boolean login(AmiMessage req, Optional<String> id, AmiConnection c, AmiServerSimulator s)
            throws IOException {
        if (c.authenticated) {
            c.send(success(id).add("Message", "Already authenticated").build());
            return true;
        }
        String user = req.get("Username").orElse("");
        String secret = s.config().users().get(user);
        if (secret == null || !secretMatches(req, secret, c.challenge)) {
            AmiMedia.pause(s.config().failedLoginDelay());
            c.send(error(id, "Authentication failed"));
            return false;
        }
        c.authenticated = true;
        c.eventsOn = !req.get("Events").orElse("on").equalsIgnoreCase("off");
        c.send(success(id).add("Message", "Authentication accepted").build());
        AmiEnvironment env = s.config().environment();
        c.sendEvent(AmiMessage.builder().add("Event", "FullyBooted").add("Privilege", "system,all")
                .add("Uptime", env.uptimeSeconds()).add("LastReload", env.uptimeSeconds())
                .add("Status", "Fully Booted").build());
        String tv = env.eventTv();
        c.sendEvent(AmiMessage.builder().add("Event", "SuccessfulAuth").add("Privilege", "security,all")
                .add("EventTV", tv).add("Severity", "Informational").add("Service", "AMI").add("EventVersion", 1)
                .add("AccountID", user).add("SessionID", env.sessionId()).add("LocalAddress", c.localAddress())
                .add("RemoteAddress", c.remoteAddress()).add("UsingPassword", 0).add("SessionTV", tv).build());
        return true;
    }

    private static boolean secretMatches(AmiMessage req, String secret, String challenge) {
        if (req.get("AuthType").orElse("").equalsIgnoreCase("md5")) {
            return !challenge.isEmpty() && md5Hex(challenge + secret).equalsIgnoreCase(req.get("Key").orElse(""));
        }
        return secret.equals(req.get("Secret").orElse(null));
    }

    static String md5Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }

    private static AmiMessage coreSettings(Optional<String> id) {
        return success(id).add("AMIversion", "11.0.0").add("AsteriskVersion", "22.10.1").add("SystemName", "")
                .add("CoreMaxCalls", 0).add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "")
                .add("CoreRunGroup", "").add("CoreMaxFilehandles", 0).add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes").add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No")
                .build();
    }

    private static AmiMessage command(String cli, Optional<String> id, AmiServerSimulator s) {
        if (cli.trim().equalsIgnoreCase("core show version")) {
            return success(id).add("Message", "Command output follows").add("Output", s.config().versionLine())
                    .build();
        }
        String[] words = cli.trim().split("\\s+");
        String help = String.join(" ", java.util.Arrays.copyOf(words, Math.max(0, words.length - 1)));
        return AmiMessage.builder().add("Response", "Error").actionId(id).add("Message", "Command output follows")
                .add("Output", "No such command '" + cli + "' (type 'core show help " + help
                        + "' for other possible commands)").build();
    }

    static AmiMessage.Builder success(Optional<String> id) {
        return AmiMessage.builder().add("Response", "Success").actionId(id);
    }

    static AmiMessage error(Optional<String> id, String message) {
        return AmiMessage.builder().add("Response", "Error").actionId(id).add("Message", message).build();
    }
}
