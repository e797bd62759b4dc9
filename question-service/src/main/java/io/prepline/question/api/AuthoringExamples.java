package io.prepline.question.api;

/** Request and response examples of the track, rubric-version and draft operations in the OpenAPI document. */
final class AuthoringExamples {

    private AuthoringExamples() {
    }

    static final String TRACK_SLUG = "amazon-mle-onsite";
    static final String DRAFT_ID = "0b6f3c8e-2a41-4f7d-9c35-7e1d2a9b4c60";

    static final String TRACK_REQUEST = """
            {"slug": "amazon-mle-onsite", "title": "Amazon Machine Learning Engineer onsite",
             "description": "Core concepts first, then the theory question part by part.",
             "items": [{"question": "explain-core-ml-interview-concepts-amazon"},
                       {"question": "explain-key-ml-theory-and-techniques-amazon", "part": 1},
                       {"question": "explain-key-ml-theory-and-techniques-amazon", "part": 2}]}""";

    static final String TRACK = """
            {"slug": "amazon-mle-onsite", "title": "Amazon Machine Learning Engineer onsite",
             "description": "Core concepts first, then the theory question part by part.", "status": "ACTIVE",
             "version": 2,
             "items": [{"position": 1, "question": "explain-core-ml-interview-concepts-amazon",
                        "title": "Explain core ML interview concepts"},
                       {"position": 2, "question": "explain-key-ml-theory-and-techniques-amazon",
                        "title": "Explain key ML theory and techniques", "part": 1, "partTitle": "XGBoost parallel computation"},
                       {"position": 3, "question": "explain-key-ml-theory-and-techniques-amazon",
                        "title": "Explain key ML theory and techniques", "part": 2,
                        "partTitle": "Layer normalization in Transformers"}],
             "questions": [{"id": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10", "slug": "explain-core-ml-interview-concepts-amazon",
                            "title": "Explain core ML interview concepts", "category": "Machine Learning",
                            "difficulty": "MEDIUM", "companies": ["Amazon"], "roles": ["Machine Learning Engineer"],
                            "rounds": ["Onsite"], "topics": ["Bias-variance trade-off"], "parts": 0,
                            "counters": {"likes": 12, "comments": 0, "solved": 40},
                            "updatedAt": "2026-11-30T10:00:00Z"}]}""";

    static final String TRACKS = """
            {"items": [{"slug": "amazon-mle-onsite", "title": "Amazon Machine Learning Engineer onsite",
                        "description": "Core concepts first, then the theory question part by part.",
                        "questionCount": 2, "itemCount": 3}]}""";

    static final String PROGRESS = """
            {"track": "amazon-mle-onsite", "title": "Amazon Machine Learning Engineer onsite", "solved": 1, "total": 3,
             "next": {"position": 2, "question": "explain-key-ml-theory-and-techniques-amazon",
                      "title": "Explain key ML theory and techniques", "part": 1, "partTitle": "XGBoost parallel computation"},
             "items": [{"position": 1, "question": "explain-core-ml-interview-concepts-amazon", "solved": true},
                       {"position": 2, "question": "explain-key-ml-theory-and-techniques-amazon", "part": 1,
                        "solved": false},
                       {"position": 3, "question": "explain-key-ml-theory-and-techniques-amazon", "part": 2,
                        "solved": false}]}""";

    static final String PROGRESS_LIST = """
            {"items": [{"track": "amazon-mle-onsite", "title": "Amazon Machine Learning Engineer onsite", "solved": 1,
                        "total": 3, "next": {"position": 2, "question": "explain-key-ml-theory-and-techniques-amazon",
                        "title": "Explain key ML theory and techniques", "part": 1, "partTitle": "XGBoost parallel computation"}},
                       {"track": "model-compression-essentials", "title": "Model compression essentials", "solved": 4,
                        "total": 4}]}""";

    private static final String CRITERIA = """
            [{"key": "definitions", "kind": "DEFINITIONS", "title": "Defines pruning correctly", "weight": 0.4,
              "points": [{"id": "definitions-1", "text": "Pruning removes weights that contribute little",
                          "concepts": [["prune", "pruning"], ["weight", "parameter", "connection"]]}]},
             {"key": "trade-offs", "kind": "TRADE_OFFS", "title": "Weighs accuracy against size and speed",
              "weight": 0.6, "points": [{"id": "trade-offs-1", "text": "Sparsity saves memory but not always latency",
                          "concepts": [["sparse", "sparsity"], ["latency", "speed"]]}]}]""";

    static final String RUBRIC_UPDATE = "{\"rubric\": {\"criteria\": " + CRITERIA + "}}";

    static final String RUBRIC_VIEW = """
            {"questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
             "slug": "explain-model-pruning-and-its-applications-amazon", "questionVersion": 4,
             "rubric": {"version": 3, "criteria": """ + CRITERIA + "}, \"parts\": []}";

    static final String RUBRIC_VERSIONS = """
            {"slug": "explain-model-pruning-and-its-applications-amazon", "part": 0,
             "items": [{"version": 3, "createdBy": "ada", "createdAt": "2026-12-01T10:00:00Z", "criteria": 2, "points": 2},
                       {"version": 2, "createdBy": "ada", "createdAt": "2026-11-20T09:00:00Z", "criteria": 4, "points": 11}],
             "nextBefore": 2}""";

    static final String RUBRIC_DIFF = """
            {"slug": "explain-model-pruning-and-its-applications-amazon", "part": 0, "from": 2, "to": 3,
             "criteria": [{"key": "trade-offs", "change": "CHANGED", "fields": ["weight"],
                           "before": {"kind": "TRADE_OFFS", "title": "Weighs accuracy against size and speed",
                                      "weight": 0.3, "position": 2},
                           "after": {"kind": "TRADE_OFFS", "title": "Weighs accuracy against size and speed",
                                     "weight": 0.6, "position": 2},
                           "points": [{"id": "trade-offs-1", "change": "CHANGED", "fields": ["concepts"],
                                       "before": {"id": "trade-offs-1", "text": "Sparsity saves memory but not always latency",
                                                  "concepts": [["sparse"], ["latency"]]},
                                       "after": {"id": "trade-offs-1", "text": "Sparsity saves memory but not always latency",
                                                 "concepts": [["sparse", "sparsity"], ["latency", "speed"]]}}]},
                          {"key": "pitfalls", "change": "REMOVED",
                           "before": {"kind": "PITFALLS", "title": "Knows the pitfalls", "weight": 0.3, "position": 3},
                           "points": [{"id": "pitfalls-1", "change": "REMOVED",
                                       "before": {"id": "pitfalls-1", "text": "Pruning too much at once loses accuracy",
                                                  "concepts": [["accuracy"]]}}]}]}""";

    static final String DRAFT_REQUEST = """
            {"question": "explain-model-pruning-and-its-applications-amazon",
             "rubrics": {"rubric": {"criteria": """ + CRITERIA + "}}}";

    static final String DRAFT = """
            {"id": "0b6f3c8e-2a41-4f7d-9c35-7e1d2a9b4c60", "kind": "CHANGE", "status": "OPEN",
             "question": "explain-model-pruning-and-its-applications-amazon", "baseVersion": 4, "revision": 1,
             "rubrics": {"rubric": {"criteria": """ + CRITERIA + """
            }}, "createdBy": "ada", "createdAt": "2026-12-01T10:00:00Z", "updatedAt": "2026-12-01T10:00:00Z"}""";

    static final String DRAFTS = "{\"items\": [" + DRAFT + "]}";

    static final String PUBLISHED = """
            {"id": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10", "slug": "explain-model-pruning-and-its-applications-amazon",
             "title": "Explain model pruning and its applications",
             "overview": "Describe model pruning in depth, including how it works, when to use it, and common pitfalls.",
             "body": "Explain model pruning and its applications.", "category": "Machine Learning",
             "difficulty": "EASY", "status": "ACTIVE", "version": 5,
             "asks": [{"company": "Amazon", "role": "Data Scientist", "round": "Technical Screen", "difficulty": "EASY"}],
             "topics": ["Model compression"], "parts": [], "related": [],
             "criteria": [{"key": "definitions", "title": "Defines pruning correctly", "kind": "DEFINITIONS",
                           "weight": 0.4},
                          {"key": "trade-offs", "title": "Weighs accuracy against size and speed",
                           "kind": "TRADE_OFFS", "weight": 0.6}],
             "counters": {"likes": 183, "comments": 6, "solved": 1669},
             "createdAt": "2026-03-12T00:00:00Z", "updatedAt": "2026-12-01T10:05:00Z"}""";

    static final String DRAFT_PREVIEW = "{\"draft\": \"0b6f3c8e-2a41-4f7d-9c35-7e1d2a9b4c60\", \"page\": " + PUBLISHED
            + ", \"scorePreview\": {\"url\": \"http://127.0.0.1:8083/api/v1/score-preview\", \"requests\": "
            + "[{\"question\": \"explain-model-pruning-and-its-applications-amazon\", "
            + "\"prompt\": \"Explain model pruning and its applications\\n\\nExplain model pruning and its applications.\", "
            + "\"rubric\": {\"criteria\": " + CRITERIA + "}}]}}";
}
