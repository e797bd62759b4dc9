package io.prepline.answer.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.prepline.answer.AnswerConfig;
import io.prepline.answer.Jdbc;
import io.prepline.answer.catalogue.CatalogueStore;
import io.prepline.answer.feedback.FeedbackModels;
import io.prepline.answer.feedback.FeedbackService;
import io.prepline.answer.live.StatusHistory;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.outbox.Outbox;

/** Accepts answers: validates them against the local catalogue, stores a new revision and its event together. */
@ApplicationScoped
public class SubmissionService {

    static final int MAX_IDEMPOTENCY_KEY = 255;

    /** @param replayed true when an earlier request with the same idempotency key created it */
    public record Submitted(AnswerView answer, boolean replayed) {
    }

    @Inject
    EntityManager em;

    @Inject
    CatalogueStore catalogue;

    @Inject
    Outbox outbox;

    @Inject
    StatusHistory history;

    @Inject
    AnswerConfig config;

    @Inject
    FeedbackService feedback;

    @Transactional
    public Submitted submit(String userId, AnswerRequest request, String idempotencyKey) {
        if (request == null) {
            throw ProblemException.invalid("$", "a JSON object with question and body is required");
        }
        if (request.question() == null || request.question().isBlank()) {
            throw ProblemException.invalid("question", "is required (the question's slug or id)");
        }
        if (request.part() != null && request.part() < 1) {
            throw ProblemException.invalid("part", "must be a part number, 1 or more");
        }
        String body = request.body() == null ? "" : request.body().strip();
        if (body.isEmpty()) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        int length = body.codePointCount(0, body.length());
        int max = config.submission().maxBodyChars();
        if (length > max) {
            throw ProblemException.invalid("body", "has " + length + " characters; at most " + max + " are accepted");
        }
        String hash = hash(request.question().strip(), request.part(), body);

        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
                throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
            }
            // serialises requests carrying the same key, so the second sees the first's answer
            lock("idem:" + userId + ":" + idempotencyKey);
            Optional<Answer> earlier = Answer.find("userId = ?1 and idempotencyKey = ?2", userId, idempotencyKey)
                    .firstResultOptional();
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash.equals(hash)) {
                    throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency key reused",
                            "Idempotency-Key", "was already used for a different request");
                }
                return new Submitted(AnswerView.of(earlier.get()), true);
            }
        }

        CatalogueStore.Question question = catalogue.find(request.question().strip())
                .orElseThrow(() -> ProblemException.unprocessable("unknown-question", "Unknown question",
                        "question", "no question with this slug or id"));
        if (!question.active()) {
            throw ProblemException.unprocessable("question-not-open", "Question not open for answers",
                    "question", "is " + question.status().toLowerCase() + " and takes no answers");
        }
        Integer part = request.part();
        if (part == null && !question.parts().isEmpty() && !question.hasRubric()) {
            throw ProblemException.unprocessable("part-required", "Part required", "part",
                    "this question has parts " + question.parts() + "; say which one is answered");
        }
        if (part != null && !question.parts().contains(part)) {
            throw ProblemException.unprocessable("unknown-part", "Unknown part", "part",
                    question.parts().isEmpty() ? "this question has no parts"
                            : "this question has parts " + question.parts());
        }
        // without a rubric the scorer can only dead-letter the answer: refuse it now rather than strand it
        if (part == null ? !question.hasRubric() : !question.scorableParts().contains(part)) {
            throw ProblemException.unprocessable("rubric-missing", "No rubric yet", "question",
                    (part == null ? "this question" : "part " + part + " of this question")
                            + " has no rubric yet, so answers to it cannot be scored");
        }

        // revisions of one user's answer to one question part are numbered without gaps or duplicates
        lock("rev:" + userId + ":" + question.id() + ":" + (part == null ? 0 : part));
        int last = Jdbc.query(em, """
                        SELECT COALESCE(MAX(revision), 0) FROM answer
                        WHERE user_id = ? AND question_id = ? AND COALESCE(part, 0) = ?""",
                ps -> {
                    ps.setString(1, userId);
                    ps.setObject(2, question.id());
                    ps.setInt(3, part == null ? 0 : part);
                },
                rows -> rows.next() ? rows.getInt(1) : 0);

        Answer answer = new Answer();
        answer.id = UUID.randomUUID();
        answer.userId = userId;
        answer.questionId = question.id();
        answer.questionSlug = question.slug();
        answer.part = part;
        answer.revision = last + 1;
        answer.body = body;
        answer.status = Answer.Status.SUBMITTED.name();
        answer.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        answer.idempotencyKey = idempotencyKey;
        answer.requestHash = hash;
        answer.persist();
        history.append(answer.id, answer.status, null, userId);
        outbox.append(config.topics().submitted(), answer.id.toString(), SubmittedEvent.TYPE,
                SubmittedEvent.of(answer));
        return new Submitted(AnswerView.of(answer), false);
    }

    /** The answer if the caller may see it: its owner (with the feedback, reviewers as a role), or a reviewer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AnswerView> find(String answerId, String userId, boolean reviewer) {
        UUID id = parseId(answerId);
        if (id == null) {
            return Optional.empty();
        }
        return Answer.<Answer>findByIdOptional(id)
                .filter(a -> reviewer || a.userId.equals(userId))
                // a reviewer reading their own answer reads it as its owner
                .map(a -> AnswerView.of(a, feedback(a).orElse(null), reviewer && !a.userId.equals(userId)));
    }

    /** The owner's feedback on a stored answer, or empty while it has no score. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FeedbackModels.Feedback> feedback(UUID answerId) {
        return Answer.<Answer>findByIdOptional(answerId).flatMap(this::feedback);
    }

    private Optional<FeedbackModels.Feedback> feedback(Answer a) {
        return feedback.of(new FeedbackService.Source(a.id, a.questionId, a.part, a.score, a.overall, a.verdict,
                a.confidence, a.rubricVersion, a.reviewedBy, a.decision, a.decidedAt));
    }

    public static UUID parseId(String value) {
        try {
            return value != null && value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void lock(String name) {
        Jdbc.query(em, "SELECT 1 FROM pg_advisory_xact_lock(hashtext(?))", ps -> ps.setString(1, name),
                rows -> rows.next());
    }

    private static String hash(String question, Integer part, String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((question + "\n" + part + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
