package io.prepline.question.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An API key as the partner holds it: {@code sk_<id>_<secret>} or {@code pk_<id>_<secret>}. The visible id
 * ({@code sk_7f3kq9w2m4xa}) names the key in lists and usage; the secret is 256 random bits. Only the SHA-256 of the
 * whole key is stored: a stolen table holds no usable key, and a key of this entropy needs no slow hash.
 */
public record ApiKey(KeyKind kind, String id, String text) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int ID_LENGTH = 12;
    /** Longest key text read from a request; a real key is 60 characters. */
    static final int MAX_LENGTH = 100;

    /** A new key of {@code kind}. */
    public static ApiKey generate(KeyKind kind) {
        StringBuilder id = new StringBuilder(kind.prefix()).append('_');
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String text = id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiKey(kind, id.toString(), text);
    }

    /** The key a request presents, or null when it does not have the shape of one. */
    public static ApiKey parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        int first = text.indexOf('_');
        int second = first < 0 ? -1 : text.indexOf('_', first + 1);
        if (second < 0 || second == text.length() - 1) {
            return null;
        }
        KeyKind kind = KeyKind.ofPrefix(text.substring(0, first));
        return kind == null ? null : new ApiKey(kind, text.substring(0, second), text);
    }

    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Constant-time comparison with a stored hash. */
    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    @Override
    public String toString() {
        return id; // never the secret, in logs or anywhere else
    }
}
