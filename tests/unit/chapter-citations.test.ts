/**
 * Each chapter cites exactly the review references of the section it presents, and together the
 * chapters cite all 85. Read from the MDX sources and the bibliography, without a build.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { findCitationKeys } from '../../src/lib/bibliography/citation-keys.ts';
import { projectBibliography } from '../helpers/pipeline.ts';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
/** Review reference numbers per chapter, from the review's sections. */
const EXPECTED: Record<string, number[]> = {
  introduction: range(1, 10),
  'bone-niche': range(11, 29),
  'osteoclast-factors': range(30, 59),
  'immune-regulation': range(60, 71),
  'serum-markers': [3, 7, ...range(72, 85)],
  conclusion: [],
};

const bib = projectBibliography();
const chapterFiles = readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'));
const citedNumbers = (slug: string) => {
  const text = readFileSync(`content/chapters/${slug}.mdx`, 'utf8').replace(/^---[\s\S]*?---/, '');
  const numbers = findCitationKeys(text).map((m) => bib.entries.get(m.key)?.reviewNumber ?? NaN);
  return [...new Set(numbers)].sort((a, b) => a - b);
};

describe('chapter citations follow the review', () => {
  it('the chapters are exactly the six sections of the review', () => {
    expect(chapterFiles.map((f) => f.replace(/\.mdx$/, '')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [slug, numbers] of Object.entries(EXPECTED)) {
    it(`${slug} cites exactly review references ${numbers.length ? numbers.join(', ') : '(none)'}`, () => {
      expect(citedNumbers(slug)).toEqual(numbers);
    });
  }

  it('all 85 references of the review are cited somewhere', () => {
    const all = new Set(Object.keys(EXPECTED).flatMap(citedNumbers));
    expect([...all].sort((a, b) => a - b)).toEqual(range(1, 85));
  });
});
