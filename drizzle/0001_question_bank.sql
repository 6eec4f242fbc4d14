CREATE TABLE "question" (
	"id" serial PRIMARY KEY NOT NULL,
	"current_version_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"type" text NOT NULL,
	"topic" text NOT NULL,
	"subtopic" text DEFAULT '' NOT NULL,
	"difficulty" smallint NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"stem" text NOT NULL,
	"jurisdiction" text DEFAULT 'national' NOT NULL,
	"unit_id" integer NOT NULL,
	"author_id" text,
	"reviewer_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "question_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"question_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"reporter_id" text,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"question_id" integer NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"stem" text NOT NULL,
	"options" jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"legal_basis" text NOT NULL,
	"topic" text NOT NULL,
	"subtopic" text DEFAULT '' NOT NULL,
	"difficulty" smallint NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_facts" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scenario" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"topic" text NOT NULL,
	"difficulty" integer DEFAULT 3 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"graph" json NOT NULL,
	"unit_id" integer NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scenario_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "scenario_decision" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"node_id" text NOT NULL,
	"choice_id" text NOT NULL,
	"score_delta" integer NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_run" (
	"id" serial PRIMARY KEY NOT NULL,
	"scenario_id" integer NOT NULL,
	"scenario_version" integer NOT NULL,
	"user_id" text NOT NULL,
	"current_node" text NOT NULL,
	"state" jsonb NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"grade" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scenario_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"scenario_id" integer NOT NULL,
	"version" integer NOT NULL,
	"graph" json NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_exam" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"blueprint_id" integer NOT NULL,
	"name" text NOT NULL,
	"pass_percent" smallint NOT NULL,
	"requested_count" smallint NOT NULL,
	"question_count" smallint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"auto_submitted" boolean DEFAULT false NOT NULL,
	"correct_count" smallint,
	"score" smallint,
	"passed" boolean
);
--> statement-breakpoint
CREATE TABLE "drill_exam_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"exam_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"question_version_id" integer NOT NULL,
	"option_order" jsonb NOT NULL,
	"response" jsonb,
	"answered_at" timestamp with time zone,
	"correct" boolean
);
--> statement-breakpoint
CREATE TABLE "exam_blueprint" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"single_count" smallint DEFAULT 0 NOT NULL,
	"multiple_count" smallint DEFAULT 0 NOT NULL,
	"truefalse_count" smallint DEFAULT 0 NOT NULL,
	"fill_count" smallint DEFAULT 0 NOT NULL,
	"ordering_count" smallint DEFAULT 0 NOT NULL,
	"minutes" smallint NOT NULL,
	"pass_percent" smallint DEFAULT 60 NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_blueprint_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "drill_answer" (
	"id" serial PRIMARY KEY NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"user_id" text NOT NULL,
	"session_id" integer,
	"position" integer NOT NULL,
	"question_id" integer NOT NULL,
	"question_version_id" integer NOT NULL,
	"question_type" text NOT NULL,
	"mode" text NOT NULL,
	"response" jsonb NOT NULL,
	"correct" boolean NOT NULL,
	"time_ms" integer NOT NULL,
	"rating" smallint NOT NULL,
	"xp" integer DEFAULT 0 NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_session" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"mode" text NOT NULL,
	"topic" text,
	"subtopic" text,
	"version_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"size" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"correct_count" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mistake" (
	"user_id" text NOT NULL,
	"question_id" integer NOT NULL,
	"wrong_at" timestamp with time zone NOT NULL,
	"wrong_count" integer DEFAULT 1 NOT NULL,
	"right_days" integer DEFAULT 0 NOT NULL,
	"last_right_day" date,
	"cleared_at" timestamp with time zone,
	CONSTRAINT "mistake_user_id_question_id_pk" PRIMARY KEY("user_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "review_card" (
	"user_id" text NOT NULL,
	"question_id" integer NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"stability" double precision NOT NULL,
	"difficulty" double precision NOT NULL,
	"elapsed_days" integer NOT NULL,
	"scheduled_days" integer NOT NULL,
	"learning_steps" integer DEFAULT 0 NOT NULL,
	"reps" integer NOT NULL,
	"lapses" integer NOT NULL,
	"state" smallint NOT NULL,
	"last_review" timestamp with time zone,
	CONSTRAINT "review_card_user_id_question_id_pk" PRIMARY KEY("user_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "activity_day" (
	"user_id" text NOT NULL,
	"day" date NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	"xp" integer DEFAULT 0 NOT NULL,
	"daily_completed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "activity_day_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "duty_day" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"granted_by" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_day_kind_check" CHECK ("duty_day"."kind" in ('field','emergency','other'))
);
--> statement-breakpoint
CREATE TABLE "league_cohort" (
	"id" serial PRIMARY KEY NOT NULL,
	"week" date NOT NULL,
	"tier" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "league_member" (
	"week" date NOT NULL,
	"user_id" text NOT NULL,
	"cohort_id" integer NOT NULL,
	"tier" smallint NOT NULL,
	"level" smallint NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"xp" integer,
	"rank" integer,
	"result" text,
	CONSTRAINT "league_member_week_user_id_pk" PRIMARY KEY("week","user_id")
);
--> statement-breakpoint
CREATE TABLE "league_week" (
	"week" date PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"xp_total" integer DEFAULT 0 NOT NULL,
	"tier" smallint DEFAULT 0 NOT NULL,
	"active_week" date,
	"league_week" date
);
--> statement-breakpoint
CREATE TABLE "topic_stat" (
	"user_id" text NOT NULL,
	"topic" text NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "topic_stat_user_id_topic_pk" PRIMARY KEY("user_id","topic")
);
--> statement-breakpoint
CREATE TABLE "user_badge" (
	"user_id" text NOT NULL,
	"badge" text NOT NULL,
	"earned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "user_badge_user_id_badge_pk" PRIMARY KEY("user_id","badge")
);
--> statement-breakpoint
CREATE TABLE "xp_daily" (
	"user_id" text NOT NULL,
	"day" date NOT NULL,
	"mode" text NOT NULL,
	"xp" integer DEFAULT 0 NOT NULL,
	"last_grant" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "xp_daily_user_id_day_mode_pk" PRIMARY KEY("user_id","day","mode")
);
--> statement-breakpoint
CREATE TABLE "xp_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"mode" text NOT NULL,
	"reason" text NOT NULL,
	"amount" integer NOT NULL,
	"question_id" integer
);
--> statement-breakpoint
CREATE TABLE "contest" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"unit_id" integer NOT NULL,
	"host_id" text,
	"config" jsonb,
	"draft" jsonb NOT NULL,
	"status" text DEFAULT 'lobby' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contest_answer" (
	"contest_id" integer NOT NULL,
	"contestant_id" text NOT NULL,
	"round" integer NOT NULL,
	"index" integer NOT NULL,
	"response" jsonb NOT NULL,
	"correct" boolean NOT NULL,
	"points" integer NOT NULL,
	"elapsed_ms" integer NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_contestant" (
	"contest_id" integer NOT NULL,
	"contestant_id" text NOT NULL,
	"user_id" text,
	"guest_token_hash" text,
	"name" text NOT NULL,
	"id_field" text,
	"team_id" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_contestant_contest_id_contestant_id_pk" PRIMARY KEY("contest_id","contestant_id")
);
--> statement-breakpoint
CREATE TABLE "contest_event" (
	"contest_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "contest_event_contest_id_seq_pk" PRIMARY KEY("contest_id","seq")
);
--> statement-breakpoint
ALTER TABLE "question" ADD CONSTRAINT "question_current_version_id_question_version_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."question_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question" ADD CONSTRAINT "question_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question" ADD CONSTRAINT "question_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question" ADD CONSTRAINT "question_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_report" ADD CONSTRAINT "question_report_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_report" ADD CONSTRAINT "question_report_version_id_question_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."question_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_report" ADD CONSTRAINT "question_report_reporter_id_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_report" ADD CONSTRAINT "question_report_resolved_by_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_version" ADD CONSTRAINT "question_version_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_version" ADD CONSTRAINT "question_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario" ADD CONSTRAINT "scenario_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario" ADD CONSTRAINT "scenario_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_decision" ADD CONSTRAINT "scenario_decision_run_id_scenario_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scenario_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_decision" ADD CONSTRAINT "scenario_decision_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_run" ADD CONSTRAINT "scenario_run_scenario_id_scenario_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenario"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_run" ADD CONSTRAINT "scenario_run_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_version" ADD CONSTRAINT "scenario_version_scenario_id_scenario_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenario"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_version" ADD CONSTRAINT "scenario_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_exam" ADD CONSTRAINT "drill_exam_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_exam" ADD CONSTRAINT "drill_exam_blueprint_id_exam_blueprint_id_fk" FOREIGN KEY ("blueprint_id") REFERENCES "public"."exam_blueprint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_exam_item" ADD CONSTRAINT "drill_exam_item_exam_id_drill_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."drill_exam"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_exam_item" ADD CONSTRAINT "drill_exam_item_question_version_id_question_version_id_fk" FOREIGN KEY ("question_version_id") REFERENCES "public"."question_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_answer" ADD CONSTRAINT "drill_answer_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_answer" ADD CONSTRAINT "drill_answer_session_id_drill_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."drill_session"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_answer" ADD CONSTRAINT "drill_answer_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_answer" ADD CONSTRAINT "drill_answer_question_version_id_question_version_id_fk" FOREIGN KEY ("question_version_id") REFERENCES "public"."question_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_session" ADD CONSTRAINT "drill_session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mistake" ADD CONSTRAINT "mistake_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mistake" ADD CONSTRAINT "mistake_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_card" ADD CONSTRAINT "review_card_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_card" ADD CONSTRAINT "review_card_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_day" ADD CONSTRAINT "activity_day_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_day" ADD CONSTRAINT "duty_day_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_day" ADD CONSTRAINT "duty_day_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "league_member" ADD CONSTRAINT "league_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "league_member" ADD CONSTRAINT "league_member_cohort_id_league_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."league_cohort"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_profile" ADD CONSTRAINT "progress_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_stat" ADD CONSTRAINT "topic_stat_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_badge" ADD CONSTRAINT "user_badge_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xp_daily" ADD CONSTRAINT "xp_daily_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xp_event" ADD CONSTRAINT "xp_event_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xp_event" ADD CONSTRAINT "xp_event_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest" ADD CONSTRAINT "contest_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest" ADD CONSTRAINT "contest_host_id_user_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_answer" ADD CONSTRAINT "contest_answer_contest_id_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contest"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_contestant" ADD CONSTRAINT "contest_contestant_contest_id_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contest"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_contestant" ADD CONSTRAINT "contest_contestant_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_event" ADD CONSTRAINT "contest_event_contest_id_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contest"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_status_idx" ON "question" USING btree ("status","topic");--> statement-breakpoint
CREATE INDEX "question_unit_idx" ON "question" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "question_report_status_idx" ON "question_report" USING btree ("status","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "question_version_unique" ON "question_version" USING btree ("question_id","version");--> statement-breakpoint
CREATE INDEX "scenario_status_idx" ON "scenario" USING btree ("status","unit_id");--> statement-breakpoint
CREATE INDEX "scenario_decision_run_idx" ON "scenario_decision" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "scenario_run_user_idx" ON "scenario_run" USING btree ("user_id","scenario_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_run_open_unique" ON "scenario_run" USING btree ("user_id","scenario_id") WHERE "scenario_run"."finished_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_version_unique" ON "scenario_version" USING btree ("scenario_id","version");--> statement-breakpoint
CREATE INDEX "drill_exam_user_idx" ON "drill_exam" USING btree ("user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "drill_exam_open_deadline_idx" ON "drill_exam" USING btree ("deadline_at") WHERE "drill_exam"."submitted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "drill_exam_open_unique" ON "drill_exam" USING btree ("user_id","blueprint_id") WHERE "drill_exam"."submitted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "drill_exam_item_position_unique" ON "drill_exam_item" USING btree ("exam_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "drill_answer_key_unique" ON "drill_answer" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "drill_answer_slot_unique" ON "drill_answer" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "drill_answer_user_idx" ON "drill_answer" USING btree ("user_id","question_type","answered_at");--> statement-breakpoint
CREATE INDEX "drill_answer_question_idx" ON "drill_answer" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "drill_session_user_idx" ON "drill_session" USING btree ("user_id","mode","started_at");--> statement-breakpoint
CREATE INDEX "mistake_open_idx" ON "mistake" USING btree ("user_id","cleared_at","wrong_at");--> statement-breakpoint
CREATE INDEX "review_card_due_idx" ON "review_card" USING btree ("user_id","due");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_day_user_day_unique" ON "duty_day" USING btree ("user_id","day");--> statement-breakpoint
CREATE INDEX "duty_day_day_idx" ON "duty_day" USING btree ("day");--> statement-breakpoint
CREATE INDEX "league_cohort_week_idx" ON "league_cohort" USING btree ("week","tier");--> statement-breakpoint
CREATE INDEX "league_member_cohort_idx" ON "league_member" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "league_member_user_idx" ON "league_member" USING btree ("user_id","week");--> statement-breakpoint
CREATE INDEX "progress_profile_unplaced_idx" ON "progress_profile" USING btree ("active_week") WHERE "progress_profile"."active_week" is distinct from "progress_profile"."league_week";--> statement-breakpoint
CREATE INDEX "xp_event_user_at_idx" ON "xp_event" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "xp_event_user_day_question_idx" ON "xp_event" USING btree ("user_id","day","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_code_live_unique" ON "contest" USING btree ("code") WHERE "contest"."status" <> 'ended';--> statement-breakpoint
CREATE INDEX "contest_unit_idx" ON "contest" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_answer_unique" ON "contest_answer" USING btree ("contest_id","contestant_id","round","index");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_contestant_user_unique" ON "contest_contestant" USING btree ("contest_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_contestant_guest_unique" ON "contest_contestant" USING btree ("contest_id","guest_token_hash");