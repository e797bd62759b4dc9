-- A reviewer may overturn a decision: remember the last decision per answer, with its user and question, so a
-- changed decision moves the solved count and a repeated one changes nothing.
ALTER TABLE processed_decision ADD COLUMN decision TEXT;
ALTER TABLE processed_decision ADD COLUMN user_id TEXT;
ALTER TABLE processed_decision ADD COLUMN question_id UUID;
CREATE INDEX processed_decision_user_question_idx ON processed_decision (question_id, user_id) WHERE decision = 'APPROVED';
