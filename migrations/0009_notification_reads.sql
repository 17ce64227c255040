-- In-app notifications are computed from the data (queries, deadlines, results, submissions); only
-- what each user has read is stored: one row per user and notification key.
CREATE TABLE "notification_reads" (
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"key" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL DEFAULT now(),
	CONSTRAINT "notification_reads_pkey" PRIMARY KEY ("user_id", "key")
);
