package io.prepline.question.api;

/** Request and response examples of the discussion and own-state operations in the OpenAPI document. */
final class DiscussionExamples {

    private DiscussionExamples() {
    }

    static final String COMMENT_ID = "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10";

    static final String NEW_COMMENT = """
            {"body": "Pruning by magnitude alone ignores **layer sensitivity**: prune per layer and fine-tune after each step.",
             "part": 2}""";

    static final String REPLY_TEXT = """
            {"body": "Agreed; also check the latency on the target hardware, not only FLOPs."}""";

    static final String EDITED_TEXT = """
            {"body": "Pruning by magnitude alone ignores **layer sensitivity**: prune per layer, fine-tune after each step, and [measure it](https://example.org/pruning)."}""";

    static final String MODERATION = """
            {"reason": "Spam: links to a paid answer key"}""";

    static final String COMMENT = """
            {"id": "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10", "question": "explain-model-pruning-and-its-applications-amazon",
             "part": 2, "author": "candidate-42", "status": "VISIBLE",
             "body": "Pruning by magnitude alone ignores **layer sensitivity**: prune per layer and fine-tune after each step.",
             "html": "<p>Pruning by magnitude alone ignores <strong>layer sensitivity</strong>: prune per layer and fine-tune after each step.</p>\\n",
             "upvotes": 0, "upvoted": false, "replyCount": 0, "replies": [], "createdAt": "2026-12-02T09:15:00Z",
             "editableUntil": "2026-12-02T09:30:00Z"}""";

    static final String REPLY = """
            {"id": "8c3d1f4b-2a6e-4b7c-9d0e-1f2a3b4c5d6e", "question": "explain-model-pruning-and-its-applications-amazon",
             "part": 2, "parentId": "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10", "author": "candidate-7", "status": "VISIBLE",
             "body": "Agreed; also check the latency on the target hardware, not only FLOPs.",
             "html": "<p>Agreed; also check the latency on the target hardware, not only FLOPs.</p>\\n",
             "upvotes": 0, "upvoted": false, "createdAt": "2026-12-02T09:20:00Z", "editableUntil": "2026-12-02T09:35:00Z"}""";

    static final String EDITED = """
            {"id": "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10", "question": "explain-model-pruning-and-its-applications-amazon",
             "part": 2, "author": "candidate-42", "status": "VISIBLE",
             "body": "Pruning by magnitude alone ignores **layer sensitivity**: prune per layer, fine-tune after each step, and [measure it](https://example.org/pruning).",
             "html": "<p>Pruning by magnitude alone ignores <strong>layer sensitivity</strong>: prune per layer, fine-tune after each step, and <a href=\\"https://example.org/pruning\\" rel=\\"nofollow\\">measure it</a>.</p>\\n",
             "upvotes": 3, "upvoted": false, "createdAt": "2026-12-02T09:15:00Z", "editedAt": "2026-12-02T09:21:00Z",
             "editableUntil": "2026-12-02T09:30:00Z"}""";

    static final String HIDDEN = """
            {"id": "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10", "question": "explain-model-pruning-and-its-applications-amazon",
             "author": "candidate-13", "status": "HIDDEN", "body": "Buy the full answer key at https://example.net",
             "html": "<p>Buy the full answer key at https://example.net</p>\\n", "upvotes": 0, "upvoted": false,
             "createdAt": "2026-12-02T09:15:00Z",
             "moderation": {"status": "HIDDEN", "reason": "Spam: links to a paid answer key", "by": "root",
                            "at": "2026-12-02T10:00:00Z"}}""";

    static final String RESTORED = """
            {"id": "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10", "question": "explain-model-pruning-and-its-applications-amazon",
             "author": "candidate-13", "status": "VISIBLE", "body": "Structured pruning keeps the dense kernels fast.",
             "html": "<p>Structured pruning keeps the dense kernels fast.</p>\\n", "upvotes": 2, "upvoted": false,
             "createdAt": "2026-12-02T09:15:00Z",
             "moderation": {"status": "VISIBLE", "reason": "Not spam: the link was a paper", "by": "root",
                            "at": "2026-12-02T10:05:00Z"}}""";

    static final String PAGE = """
            {"items": [
              {"id": "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10", "question": "explain-model-pruning-and-its-applications-amazon",
               "author": "candidate-42", "status": "VISIBLE", "body": "Prune per layer, then fine-tune.",
               "html": "<p>Prune per layer, then fine-tune.</p>\\n", "upvotes": 4, "replyCount": 1,
               "replies": [{"id": "8c3d1f4b-2a6e-4b7c-9d0e-1f2a3b4c5d6e",
                            "question": "explain-model-pruning-and-its-applications-amazon",
                            "parentId": "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10", "author": "candidate-7",
                            "status": "VISIBLE", "body": "And measure latency, not only FLOPs.",
                            "html": "<p>And measure latency, not only FLOPs.</p>\\n", "upvotes": 1,
                            "createdAt": "2026-12-02T09:20:00Z"}],
               "createdAt": "2026-12-02T09:15:00Z"},
              {"id": "0e9a8b7c-6d5e-4f3a-8b2c-1d0e9f8a7b6c", "question": "explain-model-pruning-and-its-applications-amazon",
               "author": "candidate-3", "status": "DELETED", "upvotes": 0, "replyCount": 0, "replies": [],
               "createdAt": "2026-12-02T08:00:00Z"}],
             "nextCursor": "dG9wfDNmMmM5YTVlLTA6MHw0fDdkMWU", "total": 12}""";

    static final String REPLIES = """
            {"items": [{"id": "8c3d1f4b-2a6e-4b7c-9d0e-1f2a3b4c5d6e",
                        "question": "explain-model-pruning-and-its-applications-amazon",
                        "parentId": "5b1e7c2a-9d3f-4e8a-b6c1-0f2d4a6e8c10", "author": "candidate-7", "status": "VISIBLE",
                        "body": "And measure latency, not only FLOPs.",
                        "html": "<p>And measure latency, not only FLOPs.</p>\\n", "upvotes": 1,
                        "createdAt": "2026-12-02T09:20:00Z"}],
             "nextCursor": null}""";

    static final String VOTE = """
            {"upvoted": true, "upvotes": 5}""";

    static final String VOTE_WITHDRAWN = """
            {"upvoted": false, "upvotes": 4}""";

    static final String INVALID_COMMENT = """
            {"type": "https://prepline.io/problems/invalid-request", "title": "Invalid request", "status": 400,
             "detail": "the comment has invalid fields",
             "errors": [{"field": "body", "message": "must be at most 5000 characters"}]}""";

    static final String MY_LIKES = """
            {"items": [{"likedAt": "2026-12-02T09:10:00Z",
                        "question": {"id": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
                                     "slug": "explain-model-pruning-and-its-applications-amazon",
                                     "title": "Explain model pruning and its applications",
                                     "overview": "Describe model pruning in depth, including how it works, when to use it, and common pitfalls.",
                                     "category": "Machine Learning", "difficulty": "EASY", "companies": ["Amazon"],
                                     "roles": ["Data Scientist"], "rounds": ["Technical Screen"],
                                     "topics": ["Feature importance and selection"], "parts": 0,
                                     "counters": {"likes": 184, "comments": 6, "solved": 1669},
                                     "updatedAt": "2026-11-20T10:00:00Z"}}],
             "nextCursor": "bGlrZXN8MjAyNi0xMi0wMlQwOToxMDowMFp8M2YyYzlhNWUtOGQxYi00YzFlLTlhNTUtMGM4ZjJiN2QxZTEw"}""";
}
