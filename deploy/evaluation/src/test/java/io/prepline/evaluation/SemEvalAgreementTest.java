package io.prepline.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.prepline.review.scoring.RubricScorer;

/**
 * Agreement with human grades on questions the calibration never saw (the report half of SemEval-2013 2-way): a
 * guard on review-worker's scorer. The dataset is not part of the repository: set PREPLINE_DATASETS (default
 * ../shared/datasets next to the repository).
 */
class SemEvalAgreementTest {

    private static Path dataset() {
        String dir = System.getenv().getOrDefault("PREPLINE_DATASETS", "");
        List<Path> candidates = new ArrayList<>();
        if (!dir.isBlank()) {
            candidates.add(Path.of(dir, "semeval2013-2way-train.jsonl"));
        }
        // next to the repository, seen from this module (deploy/evaluation) or from the repository's root
        candidates.add(Path.of("..", "..", "..", "shared", "datasets", "semeval2013-2way-train.jsonl"));
        candidates.add(Path.of("..", "shared", "datasets", "semeval2013-2way-train.jsonl"));
        return candidates.stream().filter(Files::isReadable).findFirst().orElse(null);
    }

    @Test
    void scorerAgreesWithGradersOnUnseenQuestions() throws Exception {
        Path file = dataset();
        assumeTrue(file != null, "SemEval-2013 dataset not found (set PREPLINE_DATASETS to the folder holding "
                + "semeval2013-2way-train.jsonl); skipping the agreement check");
        List<GradedItem> sample = new ArrayList<>();
        int i = 0;
        for (GradedItem item : GradedItem.read(file)) {
            // every 12th answer of the report half keeps the test quick
            if (GradedItem.Split.REPORT.contains(item) && i++ % 12 == 0) {
                sample.add(item);
            }
        }
        RubricScorer scorer = new RubricScorer(RubricScorer.Calibration.DEFAULT, 4096);
        @SuppressWarnings("unchecked")
        Map<String, Object> overall = (Map<String, Object>) EvaluateMain.report(EvaluateMain.score(scorer, sample))
                .get("overall");

        // well above chance (about 0.5 weighted F1 for always answering the majority class)
        assertTrue(((Number) overall.get("weighted_f1")).doubleValue() >= 0.68, overall::toString);
        assertTrue(((Number) overall.get("pearson")).doubleValue() >= 0.3, overall::toString);
    }
}
