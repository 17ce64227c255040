-- Feedback on the regulation (Điều 13, last paragraph; Điều 11.3): anyone signed in raises a
-- difficulty or a proposal about a criterion, the form or the process; the department answers,
-- groups the items under topics and marks what was taken into the next criteria version.
CREATE TABLE "feedback_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_topics_name_key" UNIQUE ("name")
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"criteria_version_id" uuid REFERENCES "criteria_versions"("id"),
	"criterion_id" text,
	"criterion_name" text,
	"text" text NOT NULL,
	"file_id" uuid REFERENCES "files"("id"),
	"raised_by" uuid NOT NULL REFERENCES "users"("id"),
	"raised_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"topic_id" uuid REFERENCES "feedback_topics"("id"),
	"answer" text,
	"answered_by" uuid REFERENCES "users"("id"),
	"answered_at" timestamp with time zone,
	"next_version_id" uuid REFERENCES "criteria_versions"("id"),
	"revision" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_items_kind_check" CHECK ("kind" IN ('difficulty', 'proposal')),
	CONSTRAINT "feedback_items_subject_check" CHECK ("subject" IN ('criterion', 'form', 'process')),
	CONSTRAINT "feedback_items_status_check" CHECK ("status" IN ('new', 'answered', 'adopted', 'declined')),
	CONSTRAINT "feedback_items_criterion_check" CHECK (("subject" = 'criterion') = ("criterion_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "feedback_items_raised_idx" ON "feedback_items" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "feedback_items_raiser_idx" ON "feedback_items" USING btree ("raised_by");
