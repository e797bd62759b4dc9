package io.prepline.conformance.fuzz;

import java.util.List;

/** Text a client may send in any string: in a body field, a path segment, a query parameter or a header. */
final class Strings {

    private Strings() {
    }

    static List<String> hostile() {
        return List.of(
                "0", "-1", "99999999999999999999999999", "1e309", "NaN", "true", "null",
                "00000000-0000-0000-0000-000000000000", "not-a-uuid",
                "Ωmega ünïcödé 日本語 😀 \u202e\u200b",
                "\u0000\u0001\u001f",
                "\ud83d",
                "<script>alert(1)</script>",
                "' OR '1'='1'; --",
                "../../../etc/passwd",
                "%00%zz%",
                "${jndi:ldap://x}",
                "{{7*7}}",
                "a/b?c#d",
                "2026-13-45T99:99:99Z",
                "eyJ0IjoiMjAyNi0wMS0wMVQwMDowMDowMFoiLCJpZCI6IngifQ",
                "x".repeat(300));
    }
}
