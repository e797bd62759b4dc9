package io.prepline.answer.warmup;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A valid token's verification, rehearsed: a token of the clients' shape (issuer, audience, groups, expiry), signed
 * with a key pair made for the warm-up alone, is verified by the parser that checks every request's token, with that
 * pair's public key given for this one call. The key is never configured and its tokens are never accepted by a
 * request (they are not signed with the configured key): only the code of a successful verification runs.
 */
@ApplicationScoped
class TokenRehearsal {

    private static final Duration VALID = Duration.ofMinutes(1);

    @Inject
    DefaultJWTParser verifier;
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Set<String> audiences;

    private KeyPair keys;

    /** Mints one token for {@code round} and verifies it; fails when a valid token does not verify. */
    void run(int round) throws NoSuchAlgorithmException, ParseException {
        if (keys == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        }
        String user = Rehearsal.USER + "-" + round;
        String token = Jwt.issuer(issuer).audience(audiences).subject(user).upn(user).groups("candidate")
                .expiresIn(VALID).sign(keys.getPrivate());
        verifier.verify(token, keys.getPublic());
    }
}
