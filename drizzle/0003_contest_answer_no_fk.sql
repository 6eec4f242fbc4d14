ALTER TABLE "contest_answer" DROP CONSTRAINT "contest_answer_contest_id_contest_id_fk";
