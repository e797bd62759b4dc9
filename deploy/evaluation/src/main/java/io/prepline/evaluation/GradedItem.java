package io.prepline.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.prepline.review.scoring.Rubric;

/** One human-graded answer of an evaluation file (JSON lines; see the README for the fields). */
record GradedItem(String id, String corpus, String questionId, String question, List<String> references,
                  String answer, double score, double min, double max) {

    /** Which half of the questions an item belongs to: calibration or report (by a hash of its question id). */
    enum Split {
        ALL, CALIBRATION, REPORT;

        boolean contains(GradedItem item) {
            if (this == ALL) {
                return true;
            }
            CRC32 crc = new CRC32();
            crc.update(item.questionId().getBytes(StandardCharsets.UTF_8));
            boolean calibration = crc.getValue() % 2 == 0;
            return calibration == (this == CALIBRATION);
        }
    }

    static List<GradedItem> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<GradedItem> items = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = json.readTree(text);
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + line + ": not JSON: " + e.getMessage());
            }
            List<String> references = new ArrayList<>();
            JsonNode ref = n.path("reference");
            if (ref.isArray()) {
                ref.forEach(r -> references.add(r.asText()));
            } else if (ref.isTextual()) {
                references.add(ref.asText());
            }
            JsonNode scale = n.path("scale");
            double min = scale.isArray() && scale.size() == 2 ? scale.get(0).asDouble() : 0;
            double max = scale.isArray() && scale.size() == 2 ? scale.get(1).asDouble() : 1;
            if (!n.hasNonNull("score") || !n.hasNonNull("answer") || references.isEmpty() || max <= min) {
                throw new IllegalArgumentException("line " + line + ": needs answer, reference, score and a scale "
                        + "[min, max] with min < max");
            }
            String id = n.path("id").asText("line-" + line);
            items.add(new GradedItem(id, n.path("corpus").asText("default"),
                    n.path("questionId").asText(n.path("question").asText(id)), n.path("question").asText(""),
                    List.copyOf(references), n.path("answer").asText(), n.path("score").asDouble(), min, max));
        }
        return items;
    }

    /**
     * One rubric per reference answer (references are alternatives): a single criterion whose points are the
     * reference's sentences. The reference doubles as the sample answer, for copy detection.
     */
    List<Rubric> rubrics() {
        List<Rubric> rubrics = new ArrayList<>();
        for (int r = 0; r < references.size(); r++) {
            String reference = references.get(r);
            List<Rubric.Point> points = new ArrayList<>();
            int p = 0;
            for (String sentence : ReferenceSentences.split(reference)) {
                points.add(new Rubric.Point("reference-" + (r + 1) + "-" + (++p), sentence, List.of()));
            }
            if (points.isEmpty()) {
                continue;
            }
            rubrics.add(new Rubric(questionId + "#reference-" + (r + 1), null, 1, question, reference,
                    List.of(new Rubric.Criterion("reference", "REFERENCE", "Matches the reference answer", 1.0,
                            List.copyOf(points)))));
        }
        return rubrics;
    }
}
