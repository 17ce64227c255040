/**
 * The record of an uploaded file (the `files` table): one row per stored upload, whatever it is
 * evidence of — a form's evidence, a query's attachment, an appeal's file. The bytes themselves live
 * in the file store (files.ts), keyed by their sha256.
 */
import type { Executor } from '../db/open.ts';
import { files } from '../db/schema.ts';

export interface FileRecord {
  sha256: string;
  size: number;
  mime: string;
  filename: string;
  userId: string;
  now: Date;
}

/** Records an upload; returns its id. */
export const insertFile = async (db: Executor, f: FileRecord): Promise<string> =>
  (
    await db
      .insert(files)
      .values({
        sha256: f.sha256,
        size: f.size,
        mime: f.mime,
        filename: f.filename,
        uploadedBy: f.userId,
        uploadedAt: f.now,
      })
      .returning({ id: files.id })
  )[0]!.id;
