package io.prepline.review.scoring;

/** The hard cases the scorer recognises; they appear in {@link ScoreDocument#flags()}. */
public final class Flags {

    public static final String EMPTY = "EMPTY";
    public static final String TOO_SHORT = "TOO_SHORT";
    public static final String KEYWORD_LIST = "KEYWORD_LIST";
    public static final String COPIED_QUESTION = "COPIED_QUESTION";
    public static final String COPIED_REFERENCE = "COPIED_REFERENCE";
    public static final String NON_ENGLISH = "NON_ENGLISH";
    public static final String OFF_TOPIC = "OFF_TOPIC";
    public static final String REPETITION = "REPETITION";
    public static final String TRUNCATED = "TRUNCATED";
    /** The rubric has no points: nothing to score against. */
    public static final String RUBRIC_EMPTY = "RUBRIC_EMPTY";

    private Flags() {
    }
}
