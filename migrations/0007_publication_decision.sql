-- The decision that publishes a revision (Decree 30/2020/NĐ-CP documents): its number, date and
-- signer, entered once at the publish step and printed on every output. Nullable: revisions
-- published before this migration, or through the API without a decision, show a blank number.
ALTER TABLE "published_snapshots" ADD COLUMN "decision_number" text;
--> statement-breakpoint
ALTER TABLE "published_snapshots" ADD COLUMN "decision_date" date;
--> statement-breakpoint
ALTER TABLE "published_snapshots" ADD COLUMN "signer_name" text;
--> statement-breakpoint
ALTER TABLE "published_snapshots" ADD COLUMN "signer_title" text;
