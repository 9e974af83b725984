/**
 * Where a chapter cites each reference: the section (h2/h3 id and title) around every citation,
 * read from the chapter's MDX source through the chapter model. Pure, so the references page and tests share it.
 */
import { chapterModel, citedKeySites } from '../chapters/chapter-model.ts';

export interface CitationSite {
  key: string;
  /** Id of the nearest heading above the citation; '' before the first heading. */
  sectionId: string;
  sectionTitle: string;
  line: number;
}

/**
 * Every citation of a chapter, one entry per key, with the section around it: the nearest h2/h3
 * above it, or the box it sits in (`<aside id="key-points">`, titled by its first paragraph).
 * Read from the chapter model, so the section ids are the ones the build gives.
 */
export function citationSites(source: string): CitationSite[] {
  return citedKeySites(chapterModel(source));
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
