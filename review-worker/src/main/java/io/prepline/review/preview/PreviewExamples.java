package io.prepline.review.preview;

/** Request and response examples of the score preview in the OpenAPI document. */
final class PreviewExamples {

    private PreviewExamples() {
    }

    static final String PUBLISHED_REQUEST = """
            {"question": "explain-model-pruning-and-its-applications-amazon", "part": null,
             "body": "Pruning removes the weights that contribute least, then fine-tunes the smaller network."}""";

    static final String DRAFT_REQUEST = """
            {"question": "explain-model-pruning-and-its-applications-amazon",
             "body": "Pruning removes the weights that contribute least, then fine-tunes the smaller network.",
             "rubric": {"criteria": [
               {"key": "definitions", "kind": "DEFINITIONS", "title": "Defines pruning correctly", "weight": 0.5,
                "points": [{"id": "definitions-1", "text": "Pruning removes weights that contribute little",
                            "concepts": [["prune", "pruning"], ["weight", "parameter"]]}]},
               {"key": "evaluation", "kind": "EVALUATION", "title": "Evaluates the pruned model", "weight": 0.5,
                "points": [{"id": "evaluation-1", "text": "Fine-tune after pruning and compare accuracy",
                            "concepts": [["fine-tune", "retrain"], ["accuracy"]]}]}]}}""";

    static final String SCORE = """
            {"questionId": "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10",
             "questionSlug": "explain-model-pruning-and-its-applications-amazon", "part": null, "overall": 75,
             "confidence": 0.62, "verdict": "PASS", "rubricVersion": 0, "scorerVersion": "2.0.0",
             "criteria": [{"key": "definitions", "kind": "DEFINITIONS", "title": "Defines pruning correctly", "score": 4,
                           "points": [{"id": "definitions-1", "text": "Pruning removes weights that contribute little",
                                       "coverage": "COVERED", "similarity": 0.81,
                                       "evidence": "Pruning removes the weights that contribute least"}],
                           "comments": [{"type": "celebratory", "text": "Covered: Pruning removes weights that contribute little."}]},
                          {"key": "evaluation", "kind": "EVALUATION", "title": "Evaluates the pruned model", "score": 2,
                           "points": [{"id": "evaluation-1", "text": "Fine-tune after pruning and compare accuracy",
                                       "coverage": "PARTIAL", "similarity": 0.44,
                                       "evidence": "then fine-tunes the smaller network"}],
                           "comments": []}],
             "flags": [], "comments": []}""";
}
