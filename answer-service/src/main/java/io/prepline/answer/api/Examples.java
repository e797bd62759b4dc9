package io.prepline.answer.api;

/** Request and response examples of the OpenAPI document, one place for all operations. */
public final class Examples {

    private Examples() {
    }

    public static final String SUBMIT_REQUEST = """
            {"question": "explain-model-pruning-and-its-applications-amazon", "part": null,
             "body": "Pruning removes the weights that contribute least, e.g. by magnitude, then fine-tunes."}""";

    public static final String SUBMITTED = """
            {"id": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11", "userId": "alice",
             "questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
             "questionSlug": "explain-model-pruning-and-its-applications-amazon", "part": null, "revision": 1,
             "status": "SUBMITTED", "body": "Pruning removes the weights that contribute least, e.g. by magnitude, then fine-tunes.",
             "submittedAt": "2026-12-01T19:00:00Z", "score": null, "decision": null}""";

    public static final String ANSWER_WITH_FEEDBACK = """
            {"id": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11", "userId": "alice",
             "questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
             "questionSlug": "explain-model-pruning-and-its-applications-amazon", "part": null, "revision": 1,
             "status": "APPROVED", "body": "Pruning removes the weights that contribute least, e.g. by magnitude, then fine-tunes.",
             "submittedAt": "2026-12-01T19:00:00Z",
             "score": {"overall": 80, "confidence": 0.82, "verdict": "PASS", "scorerVersion": "1.0.0",
                       "scoredAt": "2026-12-01T19:00:01Z"},
             "decision": {"decision": "APPROVED", "decidedBy": "reviewer", "decidedAt": "2026-12-01T19:20:00Z"},
             "feedback": {"overall": 80, "verdict": "PASS", "confidence": 0.82, "rubricVersion": 2,
               "criteria": [
                 {"key": "definitions", "kind": "DEFINITIONS", "title": "Defines pruning correctly", "weight": 0.5,
                  "score": 3, "machineScore": 3,
                  "points": [{"id": "definitions-1", "text": "Pruning removes weights that contribute little",
                              "coverage": "COVERED", "evidence": "removes the weights that contribute least"}],
                  "comments": [{"type": "celebratory", "text": "Clear definition."}]},
                 {"key": "tradeoffs", "kind": "TRADE_OFFS", "title": "Weighs the trade-offs", "weight": 0.5,
                  "score": 3, "machineScore": 1,
                  "points": [{"id": "tradeoffs-1", "text": "Sparsity trades accuracy for speed", "coverage": "MISSING",
                              "evidence": null}],
                  "comments": [{"type": "actionable", "text": "Say what pruning costs in accuracy."}]}],
               "comments": [{"type": "essential", "text": "Pass: 1 of 2 points covered (80/100)."}],
               "review": {"by": "reviewer", "decision": "APPROVED", "comment": "Covers the trade-offs after all.",
                 "overrides": [{"criterion": "tradeoffs", "from": 1, "to": 3, "comment": "Latency is discussed."}],
                 "at": "2026-12-01T19:20:00Z"}}}""";

    public static final String LIVE_EVENT = """
            {"id": 42, "status": "SCORED", "overall": 64, "actor": "scorer 1.0.0", "at": "2026-12-01T19:00:01Z",
             "feedback": {"overall": 64, "verdict": "PASS", "confidence": 0.82, "rubricVersion": 2,
               "criteria": [{"key": "definitions", "kind": "DEFINITIONS", "title": "Defines pruning correctly",
                 "weight": 0.5, "score": 3, "machineScore": 3, "points": [], "comments": []}], "comments": []}}""";

    public static final String ME = """
            {"user": "alice", "roles": ["candidate"]}""";

    public static final String PROGRESS = """
            {"userId": "alice", "xp": 40, "streakDays": 2, "solvedQuestions": 2,
             "solved": [{"questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
                         "questionSlug": "explain-model-pruning-and-its-applications-amazon",
                         "solvedAt": "2026-12-01T19:00:01Z"}],
             "strengths": [{"criterion": "DEFINITIONS", "averageScore": 3.5, "answers": 2}],
             "xpHistory": [{"day": "2026-12-01", "xp": 20, "answerId": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11"},
                           {"day": "2026-11-30", "xp": 20, "answerId": "0d6f7a4e-1c2b-4f3a-8e9d-5a6b7c8d9e0f"}]}""";

    public static final String MY_ANSWERS = """
            {"items": [{"answerId": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11",
              "questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
              "questionSlug": "explain-model-pruning-and-its-applications-amazon", "part": null, "revision": 1,
              "status": "APPROVED", "overall": 80, "submittedAt": "2026-12-01T19:00:00Z",
              "feedback": {"overall": 80, "verdict": "PASS", "confidence": 0.82,
                "criteria": [{"key": "definitions", "kind": "DEFINITIONS", "title": "Defines pruning correctly",
                              "score": 3, "weight": 0.5}]}}]}""";

    public static final String QUEUE = """
            {"items": [{"answerId": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11", "userId": "alice",
              "questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
              "questionSlug": "explain-model-pruning-and-its-applications-amazon", "part": null, "revision": 1,
              "status": "NEEDS_REVIEW", "overall": 55, "confidence": 0.41, "verdict": "BORDERLINE",
              "submittedAt": "2026-12-01T19:00:00Z", "scoredAt": "2026-12-01T19:00:01Z", "reviewReason": null,
              "claimedBy": "bob", "claimedUntil": "2026-12-01T19:15:00Z"}],
             "nextCursor": "QUdFfDAuNDF8MjAyNi0xMi0wMVQxOTowMDowMFp8N2IwYzFjNTItNmYzZS00ZDJhLTlhNTEtMmQ4YzBmNmU0YjEx",
             "counts": {"SUBMITTED": 3, "SCORED": 0, "NEEDS_REVIEW": 12, "APPROVED": 240, "REJECTED": 61, "CLAIMED": 1}}""";

    public static final String STATS = """
            {"scorers": [{"scorerVersion": "1.0.0", "decisions": 120, "agreed": 71, "disagreed": 9,
                          "noVerdict": 40, "agreement": 0.888}],
             "criteria": [{"criterion": "tradeoffs", "overrides": 31, "meanChange": 0.84}],
             "reviewers": [{"reviewer": "bob", "decisions": 80, "approved": 52, "rejected": 28}]}""";

    public static final String DETAIL = """
            {"answer": {"id": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11", "userId": "alice",
               "questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
               "questionSlug": "explain-model-pruning-and-its-applications-amazon", "part": null, "revision": 1,
               "status": "NEEDS_REVIEW", "body": "**Pruning** removes weights.", "submittedAt": "2026-12-01T19:00:00Z",
               "score": {"overall": 55, "confidence": 0.41, "verdict": "BORDERLINE", "scorerVersion": "1.0.0",
                         "scoredAt": "2026-12-01T19:00:01Z"}, "decision": null},
             "bodyHtml": "<p><strong>Pruning</strong> removes weights.</p>",
             "claim": {"answerId": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11", "claimedBy": "bob",
                       "claimedUntil": "2026-12-01T19:15:00Z"},
             "criteria": [{"key": "tradeoffs", "kind": "TRADE_OFFS", "title": "Weighs the trade-offs", "weight": 0.5,
               "machineScore": 1, "overrideScore": null, "overrideComment": null, "overriddenBy": null,
               "points": [{"id": "tradeoffs-1", "text": "Sparsity trades accuracy for speed", "coverage": "MISSING",
                           "similarity": 0.12, "evidence": null}],
               "comments": [{"type": "actionable", "text": "Say what pruning costs in accuracy."}]}],
             "flags": [], "comments": [{"type": "actionable", "text": "Close: 1 of 2 points covered (55/100)."}],
             "history": [{"status": "SUBMITTED", "overall": null, "actor": "alice", "at": "2026-12-01T19:00:00Z"},
                         {"status": "SCORED", "overall": 55, "actor": "scorer 1.0.0", "at": "2026-12-01T19:00:01Z"},
                         {"status": "NEEDS_REVIEW", "overall": 55, "actor": "auto", "at": "2026-12-01T19:00:01Z"}],
             "audit": [{"action": "CLAIM", "reviewer": "bob", "at": "2026-12-01T19:00:00Z", "fromStatus": "NEEDS_REVIEW",
                        "decision": null, "comment": null, "changes": {"claimedUntil": "2026-12-01T19:15:00Z"}}]}""";

    public static final String CLAIM = """
            {"answerId": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11", "claimedBy": "bob",
             "claimedUntil": "2026-12-01T19:15:00Z"}""";

    public static final String OVERRIDE_REQUEST = """
            {"criterion": "tradeoffs", "score": 3, "comment": "Latency versus accuracy is discussed."}""";

    public static final String RESCORE = """
            {"answerId": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11", "status": "NEEDS_REVIEW"}""";

    public static final String DECISION_REQUEST = """
            {"decision": "APPROVED", "comment": "Covers the trade-offs after all.",
             "overrides": [{"criterion": "tradeoffs", "score": 3, "comment": "Latency is discussed."}]}""";

    public static final String DECIDED = """
            {"id": "7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11", "userId": "alice",
             "questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
             "questionSlug": "explain-model-pruning-and-its-applications-amazon", "part": null, "revision": 1,
             "status": "APPROVED", "body": "**Pruning** removes weights.", "submittedAt": "2026-12-01T19:00:00Z",
             "score": {"overall": 80, "confidence": 0.41, "verdict": "PASS", "scorerVersion": "1.0.0",
                       "scoredAt": "2026-12-01T19:00:01Z"},
             "decision": {"decision": "APPROVED", "decidedBy": "bob", "decidedAt": "2026-12-01T19:20:00Z"}}""";

    public static final String PROBLEM_RUBRIC_MISSING = """
            {"type": "https://prepline.io/problems/rubric-missing", "title": "No rubric yet", "status": 422,
             "detail": "question: this question has no rubric yet, so answers to it cannot be scored",
             "errors": [{"field": "question", "message": "this question has no rubric yet, so answers to it cannot be scored"}]}""";

    public static final String PROBLEM_NOT_FOUND = """
            {"type": "https://prepline.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "answer 7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11 does not exist", "errors": []}""";

    public static final String PROBLEM_TOO_MANY_STREAMS = """
            {"type": "https://prepline.io/problems/too-many-requests", "title": "Too many requests", "status": 429,
             "detail": "you have 5 event streams open, the most one user may hold; close one first", "errors": []}""";

    public static final String PROBLEM_CLAIMED = """
            {"type": "https://prepline.io/problems/claimed", "title": "Claimed by another reviewer", "status": 409,
             "detail": "answer 7b0c1c52-6f3e-4d2a-9a51-2d8c0f6e4b11 is claimed by bob until 2026-12-01T19:15:00Z",
             "errors": []}""";

    public static final String PROBLEM_OWN_ANSWER = """
            {"type": "https://prepline.io/problems/own-answer", "title": "Own answer", "status": 403,
             "detail": "reviewers do not review, score or decide their own answers", "errors": []}""";

    public static final String PROBLEM_INVALID_QUEUE = """
            {"type": "https://prepline.io/problems/invalid-request", "title": "Invalid request", "status": 400,
             "detail": "order: must be age or confidence", "errors": [{"field": "order", "message": "must be age or confidence"}]}""";

    public static final String PROBLEM_UNAUTHORIZED = """
            {"type": "https://prepline.io/problems/http-401", "title": "Unauthorized", "status": 401,
             "detail": "Unauthorized", "errors": []}""";
}
