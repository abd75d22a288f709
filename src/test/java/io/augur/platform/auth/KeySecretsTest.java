package io.augur.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Key format, handle parsing and the salted hash. */
class KeySecretsTest {

    @Test
    void aNewKeyHasAHandleAnd256BitsOfSecret() throws Exception {
        String key = KeySecrets.newKey();
        assertTrue(key.matches("augur_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), key);
        assertEquals(key.substring(0, 18), KeySecrets.handle(key));
        assertNotEquals(key, KeySecrets.newKey());
        // SHA-256(salt || key), checked against the JDK's digest of the concatenation
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] expected = sha.digest((new String(salt, StandardCharsets.ISO_8859_1) + key).getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(MessageDigest.isEqual(expected, KeySecrets.hash(salt, key)));
        assertTrue(KeySecrets.matches(salt, KeySecrets.hash(salt, key), key));
        assertFalse(KeySecrets.matches(salt, KeySecrets.hash(salt, key), key + "x"));
        assertFalse(KeySecrets.matches(KeySecrets.newSalt(), KeySecrets.hash(salt, key), key));
    }

    @Test
    void malformedKeysHaveNoHandle() {
        for (String bad : new String[] {null, "", "augur_", "augur__x", "augur_abc", "augur_abc_", "other_abc_def",
                "augur_" + "a".repeat(30) + "_x", "augur_a_" + "x".repeat(300)}) {
            assertNull(KeySecrets.handle(bad), String.valueOf(bad));
        }
        assertEquals("augur_devkey", KeySecrets.handle("augur_devkey_local-development-only-never-use-in-production"));
    }
}
