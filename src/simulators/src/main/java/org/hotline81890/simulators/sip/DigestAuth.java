package org.hotline81890.simulators.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIP digest authentication of REGISTER (RFC 3261 section 22, RFC 2617 with qop=auth, MD5), as Asterisk's PJSIP
 * asks it of an endpoint with {@code auth_type=userpass}: a REGISTER without credentials gets 401 and a
 * WWW-Authenticate challenge with a fresh nonce; the answer must come from the extension's password, for a nonce
 * this relay issued. Nonces are kept for the relay's life (a test relay).
 */
public final class DigestAuth {
    /** What a REGISTER's credentials came to. */
    public enum Verdict { MISSING, STALE, WRONG, OK }

    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]+))");
    private final String realm;
    private final Map<String, String> passwords;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    public DigestAuth(String realm, Map<String, String> passwords) {
        this.realm = realm;
        this.passwords = Map.copyOf(passwords);
    }

    /** Whether {@code extension} must authenticate (it has a password). */
    public boolean guards(String extension) {
        return passwords.containsKey(extension);
    }

    /** A WWW-Authenticate value with a new nonce. */
    public String challenge() {
        byte[] n = new byte[16];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        nonces.add(nonce);
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"";
    }

    /** Checks the request's Authorization for {@code extension}. */
    public Verdict check(SipMessage request, String extension) {
        Optional<String> header = request.header("authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Digest ", 0, 7)) {
            return Verdict.MISSING;
        }
        Map<String, String> p = params(header.get().substring(7));
        String nonce = p.getOrDefault("nonce", "");
        if (!nonces.contains(nonce)) {
            return Verdict.STALE;
        }
        if (!extension.equals(p.get("username")) || !realm.equals(p.get("realm"))) {
            return Verdict.WRONG;
        }
        String expected = response(extension, passwords.get(extension), realm, request.method(),
                p.getOrDefault("uri", ""), nonce, p.get("qop"), p.get("nc"), p.get("cnonce"));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                p.getOrDefault("response", "").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
                ? Verdict.OK : Verdict.WRONG;
    }

    /** The digest response of RFC 2617 section 3.2.2.1 (with qop=auth, or the RFC 2069 form without qop). */
    static String response(String user, String password, String realm, String method, String uri, String nonce,
                           String qop, String nc, String cnonce) {
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        return qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    private static Map<String, String> params(String s) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(s);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static String md5(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
