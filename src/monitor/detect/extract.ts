/**
 * What the detectors read from a page, in one streaming pass of htmlparser2: title, headings,
 * links (menu or not), buttons, forms, visible text, and the "items" of lists (the innermost
 * li/tr/article/div… holding a link and some text), from which news items with dates are taken.
 */
import { Parser } from 'htmlparser2';

export interface Link {
  href: string;
  text: string;
  inMenu: boolean;
}

export interface Item {
  text: string;
  /** The link with the longest text: the title of a news item. */
  link: Link | null;
}

export interface PageText {
  title: string;
  headings: string[];
  h1: string;
  links: Link[];
  buttons: string[];
  forms: string[];
  text: string;
  items: Item[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const ITEM = new Set(['li', 'tr', 'article', 'div', 'p', 'dd', 'section', 'td']);
const MENU_ATTR = /(^|[\s_-])(menu|nav|navbar|navigation|mega|sidebar|topbar|mainmenu|menutop)/i;
const VOID = new Set([
  'br',
  'img',
  'input',
  'meta',
  'link',
  'hr',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'wbr',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'tr',
  'td',
  'th',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'dd',
  'dt',
  'option',
  'label',
  'button',
  'a',
]);

interface Open {
  tag: string;
  menu: boolean;
  item: { text: string[]; links: Link[]; childItem: boolean } | null;
}

/**
 * `isItem` says which list entries count (the crawler keeps those with a date): the innermost
 * element holding a link and such text is the item, whatever layout the site uses.
 */
export function extractPage(
  html: string,
  baseUrl: string,
  isItem: (text: string) => boolean = () => true,
): PageText {
  const out: PageText = {
    title: '',
    headings: [],
    h1: '',
    links: [],
    buttons: [],
    forms: [],
    text: '',
    items: [],
  };
  const stack: Open[] = [];
  const text: string[] = [];
  let skip = 0;
  let inTitle = false;
  let heading: { level: string; parts: string[] } | null = null;
  let link: { href: string; parts: string[]; menu: boolean; title: string } | null = null;
  let button: string[] | null = null;
  let form: string[] | null = null;
  let base = baseUrl;

  const resolve = (href: string): string | null => {
    try {
      const u = new URL(href.trim(), base);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
      u.hash = '';
      return u.href;
    } catch {
      return null;
    }
  };
  const openItems = () => stack.filter((s) => s.item !== null);

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) {
          skip++;
          if (!VOID.has(name)) stack.push({ tag: name, menu: false, item: null });
          return;
        }
        const parentMenu = stack.length > 0 && (stack[stack.length - 1] as Open).menu;
        const menu =
          parentMenu ||
          name === 'nav' ||
          attrs.role === 'navigation' ||
          attrs.role === 'menubar' ||
          MENU_ATTR.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`);
        if (BLOCK.has(name)) text.push('\n');
        if (name === 'base' && attrs.href) base = resolve(attrs.href) ?? base;
        if (name === 'title') inTitle = true;
        if (/^h[1-6]$/.test(name)) heading = { level: name, parts: [] };
        if (name === 'a' && attrs.href !== undefined) {
          const href = resolve(attrs.href);
          if (href) link = { href, parts: [], menu, title: attrs.title ?? '' };
        }
        if (name === 'button') button = [];
        if (name === 'form') form = [attrs.action ?? '', attrs.name ?? '', attrs.id ?? ''];
        if (form && (name === 'input' || name === 'select' || name === 'textarea')) {
          form.push(attrs.name ?? '', attrs.placeholder ?? '', attrs.title ?? '', attrs['aria-label'] ?? '');
          if (attrs.type === 'submit' || attrs.type === 'button') form.push(attrs.value ?? '');
        }
        if (name === 'input' && (attrs.type === 'submit' || attrs.type === 'button') && attrs.value)
          out.buttons.push(attrs.value);
        if (VOID.has(name)) return;
        stack.push({
          tag: name,
          menu,
          item: ITEM.has(name) ? { text: [], links: [], childItem: false } : null,
        });
      },
      ontext(data) {
        if (skip > 0) return;
        if (inTitle) {
          out.title += data;
          return;
        }
        text.push(data);
        heading?.parts.push(data);
        link?.parts.push(data);
        button?.push(data);
        form?.push(data);
        for (const o of openItems()) o.item?.text.push(data);
      },
      onclosetag(name, implied) {
        if (VOID.has(name) && !implied) return;
        // Pop to the matching tag (htmlparser2 closes implied tags itself, in order).
        const idx = stack.map((s) => s.tag).lastIndexOf(name);
        if (idx < 0) return;
        while (stack.length > idx) {
          const o = stack.pop() as Open;
          if (SKIP.has(o.tag)) skip--;
          if (o.item) {
            const t = o.item.text.join(' ').replace(/\s+/g, ' ').trim();
            if (!o.item.childItem && t && o.item.links.length > 0 && isItem(t)) {
              let best: Link | null = null;
              for (const l of o.item.links) if (!best || l.text.length > best.text.length) best = l;
              out.items.push({ text: t, link: best });
              for (const p of openItems()) if (p.item) p.item.childItem = true;
            }
          }
        }
        if (name === 'title') inTitle = false;
        if (heading && name === heading.level) {
          const h = heading.parts.join('').replace(/\s+/g, ' ').trim();
          if (h) out.headings.push(h);
          if (name === 'h1' && !out.h1) out.h1 = h;
          heading = null;
        }
        if (name === 'a' && link) {
          const l: Link = {
            href: link.href,
            text: link.parts.join('').replace(/\s+/g, ' ').trim() || link.title,
            inMenu: link.menu,
          };
          out.links.push(l);
          for (const o of openItems()) o.item?.links.push(l);
          link = null;
        }
        if (name === 'button' && button) {
          const b = button.join('').trim();
          if (b) out.buttons.push(b);
          button = null;
        }
        if (name === 'form' && form) {
          out.forms.push(form.join(' ').replace(/\s+/g, ' ').trim());
          form = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  out.title = out.title.replace(/\s+/g, ' ').trim();
  out.text = text
    .join('')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return out;
}
