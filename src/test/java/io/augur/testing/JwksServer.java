package io.augur.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * An identity provider's key set, served by the tests themselves (no external IdP): an RSA key pair made at
 * start, its public half published as a JWKS on a free port, and the service configured to verify bearer tokens
 * against it ({@code mp.jwt.verify.publickey.location}) with issuer {@link #ISSUER}. Tests sign tokens with
 * {@link #privateKey()}. Restricted to the test that names it: a global test resource makes Quarkus 3.33 carry
 * one {@code @QuarkusMainTest}'s profile overrides into the next launch (MigrateFailureTest's closed database
 * port reached MigrateThenServeTest).
 */
public class JwksServer implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://idp.augur.test";
    public static final String KEY_ID = "test-key-1";
    private static final KeyPair KEYS = generate();
    private HttpServer server;

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = jwks().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        return Map.of("mp.jwt.verify.publickey.location",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
                "mp.jwt.verify.issuer", ISSUER);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String jwks() {
        RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + base64(pub.getModulus()) + "\",\"e\":\"" + base64(pub.getPublicExponent()) + "\"}]}";
    }

    /** RFC 7518 6.3.1: the unsigned big-endian value, base64url without padding. */
    private static String base64(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b[0] == 0 && b.length > 1) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
