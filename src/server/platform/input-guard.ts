/**
 * Text that PostgreSQL cannot store or that no person typed: a NUL character, half of a UTF-16
 * surrogate pair, or a structure nested deeper than any form has. Found anywhere in a request
 * (body, query, route parameters, multipart fields), it is refused with a 400 that names the
 * field, before any rule or query sees it — instead of a 500 from the database or a stack overflow.
 */
import { invalid } from './errors.ts';

/** Deeper than any request of ours (a form is an object of values; a criteria set nests ~10). */
export const MAX_DEPTH = 32;

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for.
const NUL = /\u0000/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be taken, or null. */
export function stringProblem(s: string): { vi: string; en: string } | null {
  if (NUL.test(s)) return { vi: 'chứa ký tự rỗng (NUL)', en: 'contains a NUL character' };
  if (LONE_SURROGATE.test(s))
    return { vi: 'chứa ký tự Unicode không hợp lệ (nửa cặp thay thế)', en: 'contains a lone surrogate' };
  return null;
}

/** The first unacceptable place in a parsed value: its path (a.b.0.c) and why; null when all is well. */
export function findBadInput(
  value: unknown,
  path = '',
  depth = 0,
): { path: string; why: { vi: string; en: string } } | null {
  if (depth > MAX_DEPTH)
    return {
      path,
      why: { vi: `lồng nhau quá ${MAX_DEPTH} tầng`, en: `nested deeper than ${MAX_DEPTH} levels` },
    };
  if (typeof value === 'string') {
    const why = stringProblem(value);
    return why ? { path, why } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, v] of entries) {
    const at = path ? `${path}.${key}` : key;
    const keyWhy = stringProblem(key);
    if (keyWhy) return { path: at, why: keyWhy };
    const found = findBadInput(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws the 400 for the first unacceptable place in a request part ('body', 'query', 'params'). */
export function refuseBadInput(part: string, value: unknown): void {
  const found = findBadInput(value);
  if (!found) return;
  const field = found.path || part;
  throw invalid(field, {
    vi: `Dữ liệu gửi lên không hợp lệ ở "${field}": ${found.why.vi}`,
    en: `Invalid request ${part} at "${field}": ${found.why.en}`,
  });
}
