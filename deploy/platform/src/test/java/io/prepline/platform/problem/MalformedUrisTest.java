package io.prepline.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MalformedUrisTest {

    private static FieldError refusalOf(String uri) {
        Problem problem = MalformedUris.refusal(uri);
        assertNotNull(problem, uri);
        assertEquals(400, problem.status());
        assertEquals("https://prepline.io/problems/invalid-request", problem.type());
        return problem.errors().getFirst();
    }

    @Test
    void wellFormedUrisPass() {
        assertNull(MalformedUris.refusal("/api/v1/questions?q=caf%C3%A9&limit=10&cursor=eyJ2IjoxfQ%3D%3D"));
        assertNull(MalformedUris.refusal("/api/v1/questions/a%2Fb"));
    }

    @Test
    void aMalformedQueryParameterIsNamed() {
        assertEquals("cursor", refusalOf("/api/v1/questions?cursor=%%%x").field());
        assertEquals("q", refusalOf("/api/v1/questions?limit=10&q=%E0%A4%A&sort=new").field());
        assertEquals("is not valid in a URI: malformed escape pair",
                refusalOf("/api/v1/questions?cursor=%%%x").message());
    }

    @Test
    void aMalformedPathIsThePathAndANamelessParameterTheQuery() {
        assertEquals("path", refusalOf("/api/v1/questions/%%%x?limit=1").field());
        assertEquals("path", refusalOf("/api/v1/questions/%zz/related").field());
        assertEquals("query", refusalOf("/api/v1/questions?limit=1&=%zz").field());
    }

    @Test
    void aNulCharacterIsRefusedWhereItIs() {
        assertEquals("q", refusalOf("/api/v1/questions?limit=1&q=a%00b").field());
        assertEquals("path", refusalOf("/api/v1/questions/a%00b").field());
        assertEquals("must not contain a NUL character (%00)", refusalOf("/api/v1/questions/%00").message());
    }

    @Test
    void aHostileParameterNameIsCut() {
        assertEquals(64, refusalOf("/api/v1/questions?" + "n".repeat(10_000) + "=%zz").field().length());
    }
}
