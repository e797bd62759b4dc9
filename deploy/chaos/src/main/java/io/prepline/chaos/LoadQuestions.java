package io.prepline.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The questions the load answers (those of the catalogue with a rubric of the whole question) and answers to them
 * written from their rubrics: strong ones (every point), partial ones (one point per criterion) and off-topic ones,
 * so that the automatic decision approves some, rejects some and sends some to reviewers.
 */
final class LoadQuestions {

    private static final String OFF_TOPIC = """
            Sourdough needs a lively starter: feed it twice a day with equal weights of flour and water, and bake when
            it doubles within six hours. A long cold proof in the refrigerator develops flavour, and steam during the
            first twenty minutes in the oven lets the loaf rise before the crust sets.""";

    /** One question and the answers written from its rubric. */
    record Question(String slug, String strong, String partial) {
    }

    private final List<Question> questions;

    private LoadQuestions(List<Question> questions) {
        this.questions = List.copyOf(questions);
    }

    /** Reads up to {@code count} questions with a whole-question rubric from question-service. */
    static LoadQuestions read(Http http, String questionsUrl, String authorToken, int count) {
        JsonNode page = http.get(questionsUrl + "/api/v1/questions?limit=100", authorToken).body();
        List<Question> found = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            String slug = item.path("slug").asText();
            JsonNode rubric = http.get(questionsUrl + "/api/v1/questions/" + slug + "/rubric", authorToken).body()
                    .path("rubric");
            if (rubric.path("criteria").isArray() && !rubric.path("criteria").isEmpty()) {
                found.add(new Question(slug, write(rubric, Integer.MAX_VALUE), write(rubric, 1)));
            }
            if (found.size() == count) {
                break;
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("question-service has no question with a rubric of the whole question");
        }
        return new LoadQuestions(found);
    }

    /** A paragraph per criterion with up to {@code pointsPerCriterion} of its points, in the rubric's words. */
    private static String write(JsonNode rubric, int pointsPerCriterion) {
        List<String> paragraphs = new ArrayList<>();
        for (JsonNode criterion : rubric.path("criteria")) {
            List<String> points = new ArrayList<>();
            for (JsonNode point : criterion.path("points")) {
                if (points.size() < pointsPerCriterion) {
                    points.add(point.path("text").asText().strip());
                }
            }
            paragraphs.add(points.stream().map(p -> p.endsWith(".") ? p : p + ".").collect(Collectors.joining(" ")));
        }
        return String.join("\n\n", paragraphs);
    }

    List<String> slugs() {
        return questions.stream().map(Question::slug).toList();
    }

    String slug(int n) {
        return questions.get(n % questions.size()).slug();
    }

    /** The n-th answer of the load: 4 in 10 strong, 3 partial, 3 off-topic; each one's text is its own. */
    String answer(int n) {
        Question q = questions.get(n % questions.size());
        int kind = (n / questions.size()) % 10;
        String body = kind < 4 ? q.strong() : kind < 7 ? q.partial() : OFF_TOPIC;
        return body + "\n\nAnswer " + n + ".";
    }
}
