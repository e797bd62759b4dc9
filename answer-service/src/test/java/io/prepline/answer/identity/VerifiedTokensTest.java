package io.prepline.answer.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.JwtKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    private static JwtKeys keys() {
        return JwtKeys.loadOrCreate(DevStack.shared().publicKeyFile().getParent());
    }

    @Test
    void aTokenIsVerifiedOnceAndAgainOnceItHasExpired() throws Exception {
        assertInstanceOf(VerifiedTokens.class, parser, "requests are authenticated through the cache");
        String lasting = keys().mint("token-user-1", List.of("candidate"), Duration.ofHours(1));
        JsonWebToken first = parser.parse(lasting);
        assertSame(first, parser.parse(lasting), "a valid token is verified once, then reused");

        String brief = keys().mint("token-user-2", List.of("candidate"), Duration.ofSeconds(1));
        JsonWebToken early = parser.parse(brief);
        Thread.sleep(Math.max(0, early.getExpirationTime() * 1000 - System.currentTimeMillis()) + 50);
        // past its expiry the token goes back to the verifier, whose clock skew decides
        assertNotSame(early, parser.parse(brief));
    }

    @Test
    void aTokenWithAChangedPayloadIsRefusedEvenWhenTheOriginalWasVerified() {
        String token = keys().mint("token-user-3", List.of("candidate"), Duration.ofHours(1));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
    }
}
