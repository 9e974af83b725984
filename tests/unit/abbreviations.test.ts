/**
 * Abbreviations are spelled out at first use in each chapter: where a chapter first writes a factor's
 * abbreviation (PTHrP, MDSC, IL-7), its spelled-out name stands before it or right beside it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chapterPassages } from '../../src/lib/atlas/chapter-passages.ts';
import { loadFactors } from '../../src/lib/atlas/factors.ts';
import { factorNameIndex, findMentions, isAbbreviation } from '../../src/lib/atlas/factor-mentions.ts';
import { CHAPTER_SLUGS as CHAPTERS } from '../helpers/dist.ts';

const factors = loadFactors('content/factors.yaml');
const byId = new Map(factors.map((f) => [f.id, f]));
const index = factorNameIndex(factors);
/** How far after the first abbreviation its spelled-out name may still come ("IL-7 (interleukin-7)"). */
const NEAR = 80;
/** "IL" of IL-6, "CXCR" of CXCR7: once one member is spelled out, the family's pattern is known. */
const family = (abbr: string) => abbr.replace(/[-\d].*$/, '');
/** Sections that list spellings as search examples, not as prose. */
const NOT_PROSE = new Set(['how-to-search']);

describe('abbreviations are spelled out at first use in each chapter', () => {
  for (const chapter of CHAPTERS) {
    it(chapter, () => {
      const text = chapterPassages(readFileSync(`content/chapters/${chapter}.mdx`, 'utf8'))
        .filter((p) => !NOT_PROSE.has(p.sectionId))
        .map((p) => p.text)
        .join('\n');
      const mentions = findMentions(text, index);
      const unexplained: string[] = [];
      const seen = new Set<string>();
      const families = new Set<string>();
      for (const m of mentions) {
        const f = byId.get(m.factorId);
        if (!f?.expansion || seen.has(f.id)) continue;
        seen.add(f.id);
        if (!isAbbreviation(m, f)) {
          families.add(family(f.name));
          continue; // first written in full
        }
        const spelled = mentions.some((o) => o.factorId === f.id && !isAbbreviation(o, f) && o.start <= m.end + NEAR);
        if (spelled) families.add(family(m.text));
        else if (!families.has(family(m.text)) && !text.slice(0, m.start).includes(`(${family(m.text)})`)) {
          // Neither spelled out here, nor a member of a family introduced before ("interleukin (IL)").
          unexplained.push(`${m.text} (${f.expansion})`);
        }
      }
      expect(unexplained).toEqual([]);
    });
  }
});
