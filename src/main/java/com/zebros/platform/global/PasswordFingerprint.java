package com.zebros.platform.global;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A non-secret fingerprint of the database master password, so the secondary can tell that its
 * {@code zebros:dbMasterPassword} is the primary's without either stack revealing it. Both regions'
 * Keycloak log into the one global cluster and the phase-3 origin header is derived from it, so the
 * two stacks must hold the same secret.
 *
 * <p>The primary exports it as a plain stack output, which anyone who can read the stack's outputs
 * sees; so it is a slow, salted hash (PBKDF2-HMAC-SHA256 at 600,000 iterations, OWASP's figure for
 * that function: https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html),
 * which makes guessing the password from it as costly as guessing a stored password hash.
 */
public final class PasswordFingerprint {
    /** The primary's stack output that carries it. */
    public static final String OUTPUT = "dbPasswordFingerprint";

    private static final int ITERATIONS = 600_000;
    private static final Map<String, String> COMPUTED = new ConcurrentHashMap<>();

    private PasswordFingerprint() {}

    /** The fingerprint of {@code password} for the pair serving {@code domain} (the salt). */
    public static String of(String password, String domain) {
        // Plans and tests ask for the same value many times; the hash is deliberately slow. The cache is
        // keyed by a digest so the process does not keep the plaintext password for its lifetime.
        return COMPUTED.computeIfAbsent(cacheKey(password, domain), ignored -> compute(password, domain));
    }

    private static String cacheKey(String password, String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((domain + "\n" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String compute(String password, String domain) {
        try {
            var spec = new PBEKeySpec(
                    password.toCharArray(),
                    ("zebros-db-master-password:" + domain).getBytes(StandardCharsets.UTF_8),
                    ITERATIONS,
                    256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            spec.clearPassword();
            return "pbkdf2-sha256:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }
}
