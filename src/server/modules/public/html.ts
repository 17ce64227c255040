/**
 * A tiny HTML template: `html\`<p>${text}</p>\`` escapes every interpolation; a fragment made by
 * `html` (or marked trusted with `raw()`) goes in as it is; arrays are joined; null, undefined and
 * false render nothing. Nothing else ever writes markup, so no dynamic text reaches a page unescaped.
 */

/** Markup that is already safe to send. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A trusted fragment, sent as it is: only for markup written in this module, never for data. */
export const raw = (markup: string): Html => new Html(markup);

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** The tagged template: literal parts are trusted, interpolations escaped. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]!) + strings[i + 1]!;
  return new Html(out);
}
