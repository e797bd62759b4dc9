package io.prepline.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local identity provider: an RSA key pair kept in a folder, and RS256 tokens signed with it.
 * Services verify them with {@code public.pem} and the issuer {@link #ISSUER}.
 */
public final class JwtKeys {

    public static final String ISSUER = "https://auth.prepline.local";
    /** The audience services check ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "prepline";
    public static final List<String> ROLES = List.of("candidate", "reviewer", "author", "admin");

    private final Path publicKeyFile;
    private final PrivateKey privateKey;

    private JwtKeys(Path publicKeyFile, PrivateKey privateKey) {
        this.publicKeyFile = publicKeyFile;
        this.privateKey = privateKey;
    }

    /** Loads the key pair from {@code dir}, creating it on first use. */
    public static JwtKeys loadOrCreate(Path dir) {
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                try {
                    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the folder's own permissions protect the key
                }
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(privateFile)
                    .replaceAll("-----[A-Z ]+-----", "").trim());
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new JwtKeys(publicFile, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the token keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the token keys in " + dir, e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A signed token for {@code user} with the given roles ({@code groups} claim), valid for {@code ttl}. */
    public String mint(String user, List<String> roles, Duration ttl) {
        return mint(user, roles, ttl, AUDIENCE);
    }

    /** A signed token for another audience: services refuse it. */
    public String mint(String user, List<String> roles, Duration ttl, String audience) {
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + ROLES);
            }
        }
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + json(ISSUER)
                + ",\"aud\":" + json(audience)
                + ",\"sub\":" + json(user)
                + ",\"upn\":" + json(user)
                + ",\"groups\":[" + roles.stream().map(JwtKeys::json).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(ttl).getEpochSecond()
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
