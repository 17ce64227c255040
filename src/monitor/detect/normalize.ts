/**
 * Vietnamese text as the detectors compare it: "Văn bản pháp luật", "VĂN BẢN" and "van ban"
 * are one phrase. Diacritics are removed after NFD decomposition; đ/Đ has no decomposition and
 * is mapped by hand. White space collapses so that line breaks in HTML do not split a phrase.
 */
const MARKS = /[\u0300-\u036f]/g;
const SPACE = /\s+/g;

export function normalizeVi(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/đ/g, 'd')
    .replace(SPACE, ' ')
    .trim();
}

/**
 * Normalises text and keeps, for each normalised character, the index of the original character
 * it came from, so that a match found on normalised text can be shown with its diacritics.
 */
export function normalizeWithMap(text: string): { norm: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  let lastSpace = true;
  let i = 0;
  for (const ch of text) {
    const n = normalizeVi(ch);
    if (n === '' || n === ' ') {
      if (!lastSpace) {
        out.push(' ');
        map.push(i);
        lastSpace = true;
      }
    } else {
      for (const c of n) {
        out.push(c);
        map.push(i);
      }
      lastSpace = false;
    }
    i += ch.length;
  }
  if (out[out.length - 1] === ' ') {
    out.pop();
    map.pop();
  }
  return { norm: out.join(''), map };
}
