-- Field surveys planned before they are made (Điều 10.2, R17): the assessor plans a visit to an
-- agency (date, team, purpose, the claims to verify, each with why it was chosen); the agency's
-- reporter confirms the date or asks for another; on the day the findings per claim become the
-- survey record (field_surveys) that corrections cite.
CREATE TABLE "survey_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL REFERENCES "cycles"("id"),
	"agency_id" uuid NOT NULL REFERENCES "agencies"("id"),
	"visit_date" date NOT NULL,
	"team" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"reply_note" text,
	"proposed_date" date,
	"replied_by" uuid REFERENCES "users"("id"),
	"replied_at" timestamp with time zone,
	"survey_id" uuid REFERENCES "field_surveys"("id"),
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_plans_status_check" CHECK ("status" IN ('planned', 'confirmed', 'reschedule', 'done'))
);
--> statement-breakpoint
CREATE TABLE "survey_plan_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL REFERENCES "survey_plans"("id"),
	"position" integer NOT NULL,
	"field_key" text NOT NULL,
	"why" text NOT NULL,
	"outcome" text,
	"observed" jsonb,
	CONSTRAINT "survey_plan_claims_outcome_check" CHECK ("outcome" IS NULL OR "outcome" IN ('confirmed', 'differs')),
	CONSTRAINT "survey_plan_claims_key" UNIQUE ("plan_id", "field_key")
);
--> statement-breakpoint
CREATE INDEX "survey_plans_cycle_idx" ON "survey_plans" USING btree ("cycle_id", "agency_id");
