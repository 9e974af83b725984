/**
 * Where a chapter cites each reference: the section (h2/h3 id and title) around every citation,
 * read from the chapter's MDX source. Pure, so the references page and tests share it.
 */
import { findCitationKeys } from './citation-keys.ts';

export interface CitationSite {
  key: string;
  /** Id of the nearest heading above the citation; '' before the first heading. */
  sectionId: string;
  sectionTitle: string;
  line: number;
}

/** A chapter's h2/h3 line with its stable id: `## Title {/* #id *\/}`. */
export const HEADING_LINE = /^(#{2,3})\s+(.*?)\s*\{\/\*\s*#([a-z0-9-]+)\s*\*\/\}\s*$/;

/** A box with its own id in the chapter text, such as `<aside id="key-points" …>`: a section of its own. */
const BOX_OPEN = /^<aside\b[^>]*\bid="([a-z0-9-]+)"/;
const BOX_TITLE = /^\s*<p\b[^>]*>([^<]+)<\/p>\s*$/;

/** Strips YAML frontmatter, keeping line numbers. */
function withoutFrontmatter(source: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(source);
  return m ? m[0].replace(/[^\n]/g, '') + source.slice(m[0].length) : source;
}

export function citationSites(source: string): CitationSite[] {
  const sites: CitationSite[] = [];
  let sectionId = '';
  let sectionTitle = '';
  /** The section around a box, restored when the box closes. */
  let outside: { sectionId: string; sectionTitle: string } | undefined;
  withoutFrontmatter(source)
    .split('\n')
    .forEach((text, i) => {
      const heading = HEADING_LINE.exec(text);
      if (heading) {
        sectionTitle = heading[2] ?? '';
        sectionId = heading[3] ?? '';
        return;
      }
      const box = BOX_OPEN.exec(text);
      if (box) {
        outside = { sectionId, sectionTitle };
        sectionId = box[1] ?? '';
        sectionTitle = sectionId;
        return;
      }
      if (outside) {
        const title = BOX_TITLE.exec(text);
        if (title && sectionTitle === sectionId) sectionTitle = title[1]?.trim() ?? sectionTitle;
        if (/^\s*<\/aside>/.test(text)) {
          ({ sectionId, sectionTitle } = outside);
          outside = undefined;
        }
      }
      for (const m of findCitationKeys(text)) sites.push({ key: m.key, sectionId, sectionTitle, line: i + 1 });
    });
  return sites;
}

/** One entry per (key, section), in order of first citation. */
export function sectionsCitingEach(source: string): Map<string, { sectionId: string; sectionTitle: string }[]> {
  const byKey = new Map<string, { sectionId: string; sectionTitle: string }[]>();
  for (const s of citationSites(source)) {
    const list = byKey.get(s.key) ?? [];
    if (!list.some((x) => x.sectionId === s.sectionId)) list.push({ sectionId: s.sectionId, sectionTitle: s.sectionTitle });
    byKey.set(s.key, list);
  }
  return byKey;
}

/** A chapter as the cited-in links need it. */
export interface CitingChapter {
  id: string;
  shortTitle: string;
  body: string;
}

/**
 * For each key, every chapter section that cites it, as links ("Serum markers: Serum IL-7 levels"),
 * chapters in the order given. `href` turns a site path into a URL (it adds the base path).
 */
export function citedInLinks(chapters: readonly CitingChapter[], href: (path: string) => string): Map<string, { href: string; label: string }[]> {
  const citedIn = new Map<string, { href: string; label: string }[]>();
  for (const chapter of chapters) {
    for (const [key, sections] of sectionsCitingEach(chapter.body)) {
      const links = citedIn.get(key) ?? [];
      for (const s of sections) {
        links.push({
          href: href(`/${chapter.id}/${s.sectionId ? `#${s.sectionId}` : ''}`),
          label: s.sectionTitle ? `${chapter.shortTitle}: ${s.sectionTitle}` : chapter.shortTitle,
        });
      }
      citedIn.set(key, links);
    }
  }
  return citedIn;
}
