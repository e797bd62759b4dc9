package io.prepline.answer.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.prepline.answer.feedback.FeedbackModels;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a candidate sees of their own progress. */
public final class ProgressModels {

    private ProgressModels() {
    }

    /**
     * @param streakDays consecutive UTC days with an approved answer, ending today (or yesterday, while today is open)
     * @param strengths  per criterion kind: the average score (0-4, reviewer overrides count) over the latest scored
     *                   revision of each answered question part
     */
    public record Progress(String userId, int xp, int streakDays, int solvedQuestions, List<Solved> solved,
                           List<Strength> strengths, List<XpDay> xpHistory) {
    }

    /** XP earned on one UTC day (latest first); a day whose approvals were all overturned is not listed. */
    public record XpDay(LocalDate day, int xp, UUID answerId) {
    }

    public record Solved(UUID questionId, String questionSlug, Instant solvedAt) {
    }

    public record Strength(String criterion, double averageScore, int answers) {
    }

    /** The latest revision of each question part the user answered, with the summary of its feedback. */
    public record MyAnswer(UUID answerId, UUID questionId, String questionSlug, @Schema(nullable = true) Integer part,
                           int revision, String status, Integer overall, Instant submittedAt,
                           FeedbackModels.Summary feedback) {
    }

    public record MyAnswers(List<MyAnswer> items) {
    }
}
