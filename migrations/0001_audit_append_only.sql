-- The audit log is append-only: nothing that happened may be edited or erased afterwards.
CREATE FUNCTION chiso_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION chiso_audit_append_only();
--> statement-breakpoint
-- Published snapshots are frozen the same way (R11): a correction is a new revision.
CREATE TRIGGER published_snapshots_frozen BEFORE UPDATE OR DELETE ON "published_snapshots"
  FOR EACH ROW EXECUTE FUNCTION chiso_audit_append_only();
