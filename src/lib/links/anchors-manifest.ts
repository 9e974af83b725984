/**
 * The anchors a page publishes: its sections, figures and reference entries, with their headings.
 * Read from built HTML (with htmlparser2's streaming parser, fast enough to run on every page of
 * every build), so the manifest says what readers can actually link to.
 */
import { Parser } from 'htmlparser2';

const PUBLISHED_TAGS = new Set(['h2', 'h3', 'figure', 'li', 'section', 'p']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function pageAnchors(html: string): Record<string, string> {
  const anchors: Record<string, string> = {};
  const open: { tag: string; id: string | null; text: string }[] = [];
  let inMain = 0;
  let inSvg = 0;
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (tag === 'main') inMain += 1;
        if (tag === 'svg') inSvg += 1;
        const id = attrs['id'];
        const published = inMain > 0 && inSvg === 0 && PUBLISHED_TAGS.has(tag) && !!id && !id.startsWith('citation--');
        if (!VOID.has(tag)) open.push({ tag, id: published ? (id ?? null) : null, text: '' });
      },
      ontext(text) {
        for (const el of open) if (el.id) el.text += text;
      },
      onclosetag(tag) {
        if (VOID.has(tag)) return;
        const el = open.pop();
        if (el?.id) anchors[el.id] = el.text.replace(/\s+/g, ' ').trim().slice(0, 100);
        if (tag === 'main') inMain -= 1;
        if (tag === 'svg') inSvg -= 1;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return anchors;
}
