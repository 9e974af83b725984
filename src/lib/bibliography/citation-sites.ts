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
/** The "Key points" box that opens a chapter: its citations sit in a section of their own, #key-points. */
const KEY_POINTS_OPEN = /^<aside\b[^>]*\bid="key-points"/;
const KEY_POINTS_CLOSE = /^<\/aside>\s*$/;

/** Strips YAML frontmatter, keeping line numbers. */
function withoutFrontmatter(source: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(source);
  return m ? m[0].replace(/[^\n]/g, '') + source.slice(m[0].length) : source;
}

export function citationSites(source: string): CitationSite[] {
  const sites: CitationSite[] = [];
  let sectionId = '';
  let sectionTitle = '';
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
      if (!outside && KEY_POINTS_OPEN.test(text)) {
        outside = { sectionId, sectionTitle };
        sectionId = 'key-points';
        sectionTitle = 'Key points';
      }
      for (const m of findCitationKeys(text)) sites.push({ key: m.key, sectionId, sectionTitle, line: i + 1 });
      if (outside && KEY_POINTS_CLOSE.test(text)) {
        ({ sectionId, sectionTitle } = outside);
        outside = undefined;
      }
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
