/**
 * The atlas view of the chapters: for each factor, every passage that names it, with the names
 * marked, derived from the chapter sources at build time (never written by hand).
 */
import { chapterPassages, type Passage } from './chapter-passages.ts';
import { findMentions, type FactorNameIndex, type Mention } from './factor-mentions.ts';

export interface ChapterSource {
  id: string;
  title: string;
  body: string;
}

export interface FactorPassage extends Passage {
  chapterId: string;
  chapterTitle: string;
  mentions: Mention[];
}

const computed = new WeakMap<FactorNameIndex, Map<string, Map<string, FactorPassage[]>>>();

/** factor id -> passages naming it, in reading order; computed once per chapter set and name index. */
export function passagesByFactor(chapters: readonly ChapterSource[], index: FactorNameIndex): Map<string, FactorPassage[]> {
  const key = chapters.map((c) => `${c.id}\0${c.body}`).join('\0');
  const forIndex = computed.get(index) ?? new Map<string, Map<string, FactorPassage[]>>();
  computed.set(index, forIndex);
  let result = forIndex.get(key);
  if (!result) {
    result = findPassages(chapters, index);
    forIndex.set(key, result);
  }
  return result;
}

function findPassages(chapters: readonly ChapterSource[], index: FactorNameIndex): Map<string, FactorPassage[]> {
  const result = new Map<string, FactorPassage[]>();
  for (const chapter of chapters) {
    for (const passage of chapterPassages(chapter.body)) {
      const mentions = findMentions(passage.text, index, { overlapping: true });
      for (const id of new Set(mentions.map((m) => m.factorId))) {
        const list = result.get(id) ?? [];
        list.push({ ...passage, chapterId: chapter.id, chapterTitle: chapter.title, mentions: mentions.filter((m) => m.factorId === id) });
        result.set(id, list);
      }
    }
  }
  return result;
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * A window of about `words` words around the first mention, with every mention inside it marked.
 * Ellipses show where the passage was cut.
 */
export function excerpt(text: string, mentions: readonly Mention[], words = 40): ExcerptPart[] {
  const first = mentions[0];
  if (!first) return [{ text, marked: false }];
  const before = text.slice(0, first.start).split(/(?<=\s)/);
  const keepBefore = Math.floor(words / 3);
  let start = before.length > keepBefore ? before.slice(0, before.length - keepBefore).join('').length : 0;
  const afterWords = text.slice(start).split(/(?<=\s)/);
  let end = afterWords.length > words ? start + afterWords.slice(0, words).join('').length : text.length;
  // Never cut through a mention.
  for (const m of mentions) if (m.start < end && m.end > end) end = m.end;
  start = Math.max(0, start);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ', marked: false });
  let at = start;
  for (const m of mentions) {
    if (m.start < start || m.end > end) continue;
    if (m.start > at) parts.push({ text: text.slice(at, m.start), marked: false });
    parts.push({ text: text.slice(m.start, m.end), marked: true });
    at = m.end;
  }
  parts.push({ text: text.slice(at, end).trimEnd(), marked: false });
  if (end < text.length) parts.push({ text: ' …', marked: false });
  return parts.filter((p) => p.text);
}
