package org.hotline81890.gateway.channel.agi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded inputs for the FastAGI fuzzer: an environment block (valid, broken, binary, a 1 MB line, none) and how the
 * fake Asterisk answers the script's commands (properly, {@code 200 result=} with junk, garbage, a 1 MB line, the
 * usage text of a 520, a dead channel's 511, closing or falling silent mid-command).
 */
final class AgiInputs {
    /** How the fake Asterisk answers command number {@code n} (from 0). */
    enum Answer { PROPER, JUNK_RESULT, GARBAGE, HUGE_LINE, USAGE_520, DEAD_511, CLOSE, SILENT }

    /** One input: the opening octets, the answer policy, and the command after which the policy starts. */
    record Input(String kind, byte[] environment, boolean validEnvironment, Answer answer, int from, String uniqueId) {
    }

    /** The 1 MB line, made once: the long run draws thousands of them. */
    private static final byte[] HUGE_ENVIRONMENT = ("agi_callerid: " + "9".repeat(1 << 20) + "\n\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final String HUGE_REPLY = "200 result=" + "1".repeat(1 << 20) + "\n";
    private final Random random;
    private final String run;
    private int calls;

    AgiInputs(Random random, String run) {
        this.random = random;
        this.run = run;
    }

    Input next() {
        String uniqueId = "17954" + run + "." + calls++;
        int kind = random.nextInt(10);
        Answer answer = Answer.values()[random.nextInt(Answer.values().length)];
        int from = random.nextInt(6);
        return switch (kind) {
            case 0 -> new Input("no blank line", env(uniqueId, false), false, Answer.CLOSE, 0, uniqueId);
            case 1 -> new Input("binary environment", concat(bytes(1 + random.nextInt(600)), new byte[] {'\n', '\n'}),
                    false, answer, from, uniqueId);
            case 2 -> new Input("1 MB environment line", HUGE_ENVIRONMENT, false, answer, from, uniqueId);
            case 3 -> new Input("nothing", new byte[0], false, random.nextBoolean() ? Answer.CLOSE : Answer.SILENT, 0,
                    uniqueId);
            case 4 -> new Input("broken lines", broken(uniqueId), false, answer, from, uniqueId);
            default -> new Input("answers " + answer, env(uniqueId, true), true, answer, from, uniqueId);
        };
    }

    private byte[] env(String uniqueId, boolean terminated) {
        String s = "agi_network: yes\nagi_network_script: intake\nagi_request: agi://127.0.0.1/intake\n"
                + "agi_channel: PJSIP/trunk-0000" + calls + "\nagi_language: zh\nagi_type: PJSIP\n"
                + "agi_uniqueid: " + uniqueId + "\nagi_version: 22.1.0\nagi_callerid: 139" + (10_000_000
                + random.nextInt(89_999_999)) + "\nagi_calleridname: unknown\nagi_context: hotline\n"
                + "agi_extension: 81890\nagi_priority: 2\nagi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 1\n";
        return (terminated ? s + "\n" : s).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] broken(String uniqueId) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String[] lines = new String(env(uniqueId, false), StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            switch (random.nextInt(5)) {
                case 0 -> b.writeBytes(line.replace(": ", "").getBytes(StandardCharsets.UTF_8));
                case 1 -> b.writeBytes(bytes(random.nextInt(40)));
                case 2 -> b.writeBytes((line + "\u0000\uFFFF").getBytes(StandardCharsets.UTF_8));
                default -> b.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }
            b.write('\n');
        }
        b.write('\n');
        return b.toByteArray();
    }

    /** The reply line(s) to a command under {@code answer}, or null for closing / staying silent. */
    String reply(Answer answer, String command) {
        return switch (answer) {
            case PROPER -> proper(command);
            case JUNK_RESULT -> "200 result=" + junk() + (random.nextBoolean() ? " (" + junk() + ")" : "") + "\n";
            case GARBAGE -> new String(bytes(1 + random.nextInt(80)), StandardCharsets.ISO_8859_1)
                    .replace('\n', ' ') + "\n";
            case HUGE_LINE -> HUGE_REPLY;
            case USAGE_520 -> "520-Invalid command syntax.  Proper usage follows:\nUsage: " + junk()
                    + "\n520 End of proper usage.\n";
            case DEAD_511 -> "511 Command Not Permitted on a dead channel or intercept routine\n";
            case CLOSE, SILENT -> null;
        };
    }

    /** Asterisk's answer when all goes well (no DTMF pressed, variables unset). */
    static String proper(String command) {
        return "200 result=0\n";
    }

    private String junk() {
        String[] junk = {"", "abc", "-", "99999999999999999999999", "-2147483649", "1e308", "0x1F", "(", ")", "\t",
            "一", "%s%n", "result=", "=0"};
        return random.nextInt(4) == 0 ? new String(bytes(random.nextInt(12)), StandardCharsets.ISO_8859_1)
                .replace('\n', ' ') : junk[random.nextInt(junk.length)];
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
