package io.prepline.review.pipeline;

/** What the scoring step made of one submission: a scored event or a dead letter, as JSON. */
record Outcome(boolean deadLetter, String json) {
}
