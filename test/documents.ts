/**
 * Official documents read back as a person and a machine would: a DOCX through its XML, a PDF
 * through pdftotext (poppler-utils, installed by test/machine.ts), one page of it rendered to PNG in
 * test-results/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';

const RESULTS = new URL('../test-results/', import.meta.url);

/** The XML of a DOCX's main part. */
export async function docxXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}
/** The text runs of a DOCX's XML, joined. */
export const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** pdftotext of a PDF (UTF-8), and its first page as PNG in test-results/. */
export function pdfText(bytes: Buffer, name?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  if (name) {
    const out = new URL(name, RESULTS).pathname;
    mkdirSync(new URL('.', RESULTS).pathname, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, out]);
    expect(readFileSync(`${out}.png`).subarray(1, 4).toString()).toBe('PNG');
  }
  // Reading order, with line breaks and table wrapping collapsed to single spaces.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}
