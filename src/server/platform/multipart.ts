/**
 * The one file of a multipart request (a form with a file), as every upload route reads it: the
 * file read whole — so the size limit applies (413) and the stream is drained whatever its field —
 * with the text fields sent before it. Which field must hold the file is the caller's to say.
 */
import type { FastifyRequest } from 'fastify';

export interface FilePart {
  /** The form field the file came in. */
  readonly fieldname: string;
  readonly filename: string;
  readonly bytes: Buffer;
  /** A text field sent before the file, or undefined. */
  text(name: string): string | undefined;
}

/** The request's first file with the text fields before it; null when it is not multipart or has no file. */
export async function readFilePart(req: FastifyRequest): Promise<FilePart | null> {
  if (!req.isMultipart()) return null;
  const part = await req.file();
  if (!part) return null;
  const bytes = await part.toBuffer();
  return {
    fieldname: part.fieldname,
    filename: part.filename,
    bytes,
    text(name) {
      const f = part.fields[name];
      return f && !Array.isArray(f) && f.type === 'field' && typeof f.value === 'string'
        ? f.value
        : undefined;
    },
  };
}
