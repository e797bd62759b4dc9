package io.prepline.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.prepline.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CursorTokenTest {

    private static final UUID ID = UUID.fromString("7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11");
    private static final Instant AT = Instant.parse("2026-12-01T19:00:00.123456Z");

    @Test
    void fieldsComeBackAsTheyWereWritten() {
        CursorToken token = CursorToken.decode(CursorToken.encode("AGE", 0.41, AT, 42, ID), 5);
        assertEquals("AGE", token.text(0));
        assertEquals(0.41, token.decimal(1, -1, 1));
        assertEquals(AT, token.instant(2));
        assertEquals(42, token.integer(3, 0, 100));
        assertEquals(ID, token.uuid(4));
    }

    @Test
    void everyEditedOrForeignTokenIsA400NamingTheCursor() {
        refused(() -> CursorToken.decode(raw("AGE|0.41"), 3));
        refused(() -> CursorToken.decode(raw("AGE|0.41|x|y"), 3));
        refused(() -> CursorToken.decode("not base64!", 1));
        refused(() -> CursorToken.decode(CursorToken.encode("a") + "=", 1)); // padding is never issued
        refused(() -> CursorToken.decode("A".repeat(CursorToken.MAX_LENGTH + 1), 1));
        refused(() -> CursorToken.decode(null, 1));
        for (String time : new String[] {"yesterday", "2026-02-30T10:00:00Z", "+99999-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z", "1764615600.0", ""}) {
            refused(() -> field(time).instant(0));
        }
        for (String id : new String[] {"1-1-1-1-1", "7B0C1C52-6F3E-4D2A-9A51-2D8C0F6E4B11", "x".repeat(36)}) {
            refused(() -> field(id).uuid(0));
        }
        for (String n : new String[] {"many", "+5", "1e3", "0x10", "101", "-1", "9".repeat(30)}) {
            refused(() -> field(n).integer(0, 0, 100));
        }
        for (String d : new String[] {"NaN", "Infinity", "1f", "0.4d", "0x1p-1", " 0.5", "1.5", "-2.0"}) {
            refused(() -> field(d).decimal(0, -1, 1));
        }
    }

    @Test
    void aFieldWithTheSeparatorIsNeverWritten() {
        assertThrows(IllegalArgumentException.class, () -> CursorToken.encode("a|b"));
    }

    private static CursorToken field(String text) {
        return CursorToken.decode(raw(text), 1);
    }

    private static String raw(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(Executable decode) {
        ProblemException e = assertThrows(ProblemException.class, decode);
        assertEquals(400, e.status());
        assertEquals("cursor", e.errors().get(0).field());
    }
}
