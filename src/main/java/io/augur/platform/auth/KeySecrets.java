package io.augur.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key material. A key reads {@code augur_<prefix>_<secret>}: the prefix (12 hex digits, 48 random bits) is
 * its public handle, stored in clear to find the row; the secret is 256 random bits (43 base64url characters).
 * Only SHA-256(salt || key) is stored, with a 128-bit random salt per key. A single fast hash is enough here,
 * unlike for passwords: the secret has 256 bits of entropy, so no dictionary or brute-force search over the
 * hash is feasible whatever its speed, and the salt keeps equal keys from having equal hashes. Comparison is
 * in constant time.
 */
public final class KeySecrets {

    static final String PREFIX = "augur_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    /** A fresh key: {@code augur_<12 hex>_<43 base64url>}. */
    public static String newKey() {
        byte[] handle = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(handle);
        RANDOM.nextBytes(secret);
        return PREFIX + HexFormat.of().formatHex(handle) + "_" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(secret);
    }

    /** The lookup handle of a well-formed key ({@code augur_<handle>}), or null when the key is malformed. */
    public static String handle(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 200) {
            return null;
        }
        int end = key.indexOf('_', PREFIX.length());
        if (end <= PREFIX.length() || end == key.length() - 1 || end - PREFIX.length() > 24) {
            return null;
        }
        return key.substring(0, end);
    }

    static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    static byte[] hash(byte[] salt, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static boolean matches(byte[] salt, byte[] hash, String key) {
        return MessageDigest.isEqual(hash, hash(salt, key));
    }
}
