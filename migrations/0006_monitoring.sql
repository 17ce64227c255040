CREATE TABLE "availability_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"status" integer,
	"ttfb_ms" integer,
	"tls_days_left" integer,
	"final_url" text,
	"failure_code" text,
	"failure" jsonb
);
--> statement-breakpoint
CREATE TABLE "content_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stopped_by" text,
	"failure" jsonb,
	"requested_by" uuid,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"decisions" jsonb
);
--> statement-breakpoint
CREATE TABLE "monitor_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "monitored_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"pins" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot_pages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"url" text NOT NULL,
	"depth" integer NOT NULL,
	"status" integer,
	"content_type" text,
	"bytes" integer DEFAULT 0 NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"title" text,
	"body" "bytea",
	"failure" jsonb
);
--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "monitor_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "monitor_to" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "website_checks" ADD COLUMN "snapshot_id" uuid;--> statement-breakpoint
ALTER TABLE "availability_checks" ADD CONSTRAINT "availability_checks_site_id_monitored_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."monitored_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_snapshots" ADD CONSTRAINT "content_snapshots_site_id_monitored_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."monitored_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_snapshots" ADD CONSTRAINT "content_snapshots_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_snapshots" ADD CONSTRAINT "content_snapshots_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_snapshots" ADD CONSTRAINT "content_snapshots_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_alerts" ADD CONSTRAINT "monitor_alerts_site_id_monitored_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."monitored_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitored_sites" ADD CONSTRAINT "monitored_sites_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitored_sites" ADD CONSTRAINT "monitored_sites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_pages" ADD CONSTRAINT "snapshot_pages_snapshot_id_content_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."content_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "availability_checks_site_at_key" ON "availability_checks" USING btree ("site_id","checked_at");--> statement-breakpoint
CREATE INDEX "content_snapshots_agency_idx" ON "content_snapshots" USING btree ("agency_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_alerts_open_key" ON "monitor_alerts" USING btree ("site_id","kind") WHERE "monitor_alerts"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "monitored_sites_current_key" ON "monitored_sites" USING btree ("agency_id","kind") WHERE "monitored_sites"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "monitored_sites_agency_idx" ON "monitored_sites" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "snapshot_pages_snapshot_idx" ON "snapshot_pages" USING btree ("snapshot_id");--> statement-breakpoint
ALTER TABLE "website_checks" ADD CONSTRAINT "website_checks_snapshot_id_content_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."content_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "website_checks_snapshot_key" ON "website_checks" USING btree ("snapshot_id");--> statement-breakpoint
-- The sites known so far: each current unit's portal, from the website column of the registry.
INSERT INTO "monitored_sites" ("agency_id", "kind", "url", "valid_from") SELECT "id", 'portal', "website", "valid_from" FROM "agencies" WHERE "website" IS NOT NULL AND "valid_to" IS NULL;
