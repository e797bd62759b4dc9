-- A user's likes, newest first, read a page at a time (GET /api/v1/me/likes); whether a user liked or solved the
-- questions of a page is read through the primary keys (question_id, user_id) of question_like and question_solver.
CREATE INDEX question_like_user_idx ON question_like (user_id, created_at DESC, question_id DESC);
