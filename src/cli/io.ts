/**
 * What every command of the CLI shares: where its output goes and how a user's mistake is told
 * (exit status 2, one line per problem on stderr; interchange.md).
 */
import { readFileSync } from 'node:fs';
import type { Text } from '../core/types.ts';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /**
   * Reads a file (or standard input for "-"): its bytes, or its text (callers that have the file
   * in memory); throws like fs on failure.
   */
  readonly readFile: (path: string) => Buffer | string;
}

export const nodeIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p === '-' ? 0 : p),
};

/** A user's mistake: reported as lines on stderr with exit status 2. */
export class UsageError extends Error {
  constructor(readonly lines: readonly Text[]) {
    super(lines.map((l) => l.en ?? l.vi).join('; '));
  }
}
