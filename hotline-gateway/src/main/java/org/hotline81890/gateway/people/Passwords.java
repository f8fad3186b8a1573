package org.hotline81890.gateway.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), computed by
 * Bouncy Castle. The parameters are OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane); a stored hash keeps
 * its own parameters, so raising them later still verifies old hashes.
 */
public final class Passwords {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private final int memoryKib;
    private final int passes;
    private final SecureRandom random = new SecureRandom();

    public Passwords() {
        this(19_456, 2);
    }

    /** Lower costs are for tests only. */
    public Passwords(int memoryKib, int passes) {
        this.memoryKib = memoryKib;
        this.passes = passes;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, memoryKib, passes, 1, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + passes + ",p=1$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(out);
    }

    public boolean matches(String password, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real check, for logins that do not exist (the answer must not tell them apart). */
    public void burn(String password) {
        derive(password, new byte[16], memoryKib, passes, 1, 32);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(passes).withParallelism(lanes).build());
        byte[] out = new byte[length];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
