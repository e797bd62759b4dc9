package io.prepline.question.catalogue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;

/**
 * Strong ETags {@code "v<version>.<hash of the bytes>"} of versioned resources (question pages, rubrics, tracks), and
 * the If-Match rule of their conditional writes: the content version must match, the hash may differ (counters).
 */
public final class ETags {

    // copied for each hash: cheaper than looking the algorithm up among the security providers every time
    private static final MessageDigest SHA_256 = sha256();

    private ETags() {
    }

    public static String of(int version, byte[] bytes) {
        byte[] hash = copy(SHA_256).digest(bytes);
        return "\"v" + version + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    /** The ETag of {@code value} as JSON, at content version {@code version}. */
    public static String of(int version, Object value, ObjectMapper json) {
        try {
            return of(version, json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** 428 without If-Match, 412 when it names another version of {@code what} than {@code version}. */
    public static void requireMatch(String ifMatch, int version, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of the " + what + " you edited",
                    List.of(new FieldError("If-Match", "is required")), null);
        }
        if (!RenderedQuestion.sameVersion(ifMatch, version)) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "the " + what + " changed since it was read; read it again and reapply your change",
                    List.of(new FieldError("If-Match", "does not match the current ETag")), null);
        }
    }
}
