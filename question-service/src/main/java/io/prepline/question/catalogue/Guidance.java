package io.prepline.question.catalogue;

import java.util.List;

/** The editorial guidance of a question page, stored as one JSON document. */
public record Guidance(List<String> interviewerExpects, List<String> approach, List<String> followUps,
                       List<String> constraints, List<String> clarifyingQuestions, List<String> strongAnswerCovers,
                       String quickAnswer) {
}
