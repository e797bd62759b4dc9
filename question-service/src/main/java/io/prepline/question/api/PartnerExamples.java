package io.prepline.question.api;

/** Request and response examples of the partner and embed operations in the OpenAPI document. */
final class PartnerExamples {

    private PartnerExamples() {
    }

    static final String PARTNER_ID = "7c0e3f4a-51b2-4d8e-9a11-2f0c6b5d9e21";
    static final String KEY_ID = "pk_7f3kq9w2m4xa";
    static final String ISSUED_KEY_TEXT = "pk_7f3kq9w2m4xa_Zq3v0mXoV1c8r2Lk7yTf9aQe4wBn6uJs5dHg1pRc0iM";

    static final String PARTNER_REQUEST = """
            {"name": "Interview Club", "allowedOrigins": ["https://interview.club", "https://www.interview.club"],
             "plan": "standard"}""";

    static final String PARTNER = """
            {"id": "7c0e3f4a-51b2-4d8e-9a11-2f0c6b5d9e21", "name": "Interview Club", "plan": "standard",
             "allowedOrigins": ["https://interview.club", "https://www.interview.club"],
             "createdAt": "2026-12-01T09:00:00Z", "updatedAt": "2026-12-01T09:00:00Z"}""";

    static final String KEY_REQUEST = """
            {"kind": "PUBLISHABLE"}""";

    static final String ISSUED_KEY = """
            {"id": "pk_7f3kq9w2m4xa", "kind": "PUBLISHABLE",
             "key": "pk_7f3kq9w2m4xa_Zq3v0mXoV1c8r2Lk7yTf9aQe4wBn6uJs5dHg1pRc0iM",
             "createdAt": "2026-12-01T09:01:00Z"}""";

    static final String ROTATE_REQUEST = """
            {"overlapHours": 24}""";

    static final String ROTATED_KEY = """
            {"id": "pk_2b8xn4c6v9qe", "kind": "PUBLISHABLE",
             "key": "pk_2b8xn4c6v9qe_c1Qm8Vn3Xr5Tz7Yb9Lk2Jh4Gf6Ds8Ap0Wq1Er3Ty5Ui7",
             "createdAt": "2026-12-02T09:00:00Z", "replaces": "pk_7f3kq9w2m4xa",
             "replacedKeyExpiresAt": "2026-12-03T09:00:00Z"}""";

    static final String KEYS = """
            [{"id": "pk_7f3kq9w2m4xa", "kind": "PUBLISHABLE", "status": "EXPIRING", "createdAt": "2026-12-01T09:01:00Z",
              "expiresAt": "2026-12-03T09:00:00Z", "replacedBy": "pk_2b8xn4c6v9qe"},
             {"id": "pk_2b8xn4c6v9qe", "kind": "PUBLISHABLE", "status": "ACTIVE", "createdAt": "2026-12-02T09:00:00Z"},
             {"id": "sk_9d4hw2k7p3za", "kind": "SECRET", "status": "REVOKED", "createdAt": "2026-12-01T09:02:00Z",
              "revokedAt": "2026-12-01T12:00:00Z"}]""";

    static final String USAGE = """
            {"partnerId": "7c0e3f4a-51b2-4d8e-9a11-2f0c6b5d9e21", "from": "2026-11-30", "to": "2026-12-01",
             "days": [{"keyId": "pk_7f3kq9w2m4xa", "day": "2026-11-30", "requests": 18211, "refused": 0},
                      {"keyId": "pk_7f3kq9w2m4xa", "day": "2026-12-01", "requests": 20476, "refused": 12}]}""";

    static final String TOO_MANY = """
            {"type": "https://prepline.io/problems/too-many-requests", "title": "Too many requests", "status": 429,
             "detail": "rate limit 'plan-standard' of 6000 requests reached; retry after 1 s", "errors": []}""";

    static final String OEMBED = """
            {"version": "1.0", "type": "rich", "provider_name": "Prepline", "provider_url": "https://prepline.io",
             "title": "Explain model pruning and its applications", "width": 640, "height": 720, "cache_age": 300,
             "html": "<iframe src=\\"https://api.prepline.io/embed/v1/questions/explain-model-pruning-and-its-applications-amazon?key=pk_7f3kq9w2m4xa_Zq3v0mXoV1c8r2Lk7yTf9aQe4wBn6uJs5dHg1pRc0iM\\" width=\\"640\\" height=\\"720\\" title=\\"Interview question: Explain model pruning and its applications\\" style=\\"border:0;max-width:100%\\"></iframe>"}""";
}
