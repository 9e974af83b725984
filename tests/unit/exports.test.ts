/**
 * The downloads a reference manager imports, written from the project bibliography and parsed back.
 */
import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { toBibtex, toCslJson, toRis } from '../../src/lib/bibliography/exports.ts';
import { projectBibliography } from '../helpers/pipeline.ts';

const bib = projectBibliography();
const unidentified = bib.byReviewNumber.filter((e) => e.confidence === 'unidentified').map((e) => e.key);
const truncated = ['bertolini2009', 'creighton2009', 'daddario2010', 'guise1996', 'jones2006', 'kang2003', 'levina2008', 'miao2007', 'muller2001', 'pantel1996', 'roato2006', 'stopeck2010'];
type Name = { family?: string; given?: string; literal?: string };

describe('BibTeX export', () => {
  const text = toBibtex(bib);
  const data = new Cite(text, { forceType: '@biblatex/text' }).data as { id: string; author?: Name[] }[];

  it('holds the review and its 72 identified references, none of the 13 placeholders', () => {
    expect(unidentified).toHaveLength(13);
    expect(data).toHaveLength(73);
    expect(data.map((d) => d.id)).not.toEqual(expect.arrayContaining([unidentified[0]]));
    for (const key of unidentified) expect(text, key).not.toContain(`{${key},`);
    expect(text).not.toContain('not yet identified)');
  });

  it('ends each truncated author list with the keyword "and others", which reads back as the last name', () => {
    for (const key of truncated) {
      const record = text.slice(text.indexOf(`@article{${key},`)).split('\n}')[0] ?? '';
      expect(record, key).toMatch(/^\s*author = \{.* and others\},$/m);
      expect(data.find((d) => d.id === key)?.author?.at(-1), key).toEqual({ family: 'others' });
    }
    expect(text).not.toContain('{others}');
  });
});

describe('RIS export', () => {
  const text = toRis(bib);

  it('writes one "TAG  - value" line per field: every line is a tag line or blank', () => {
    const untagged = text.split('\n').filter((line) => line !== '' && !/^[A-Z][A-Z0-9] {2}- /.test(line));
    expect(untagged).toEqual([]);
    expect(text).toContain('TI  - Cancer incidence and mortality patterns in Europe: Estimates for 40 countries in 2012\n');
  });

  it('parses back into the 73 records of the review and its identified references', () => {
    expect(text.match(/^TY {2}- /gm)).toHaveLength(73);
    expect(text.match(/^ER {2}- $/gm)).toHaveLength(73);
    const data = new Cite(text, { forceType: '@ris/file' }).data as { title?: string; author?: Name[] }[];
    expect(data).toHaveLength(73);
    expect(data.some((d) => /not yet identified/.test(d.title ?? ''))).toBe(false);
  });

  it('lists only named authors and says in a note when the list is incomplete', () => {
    const record = text.split('\n\n').find((r) => r.includes('ID  - pantel1996')) ?? '';
    expect(record.match(/^AU {2}- .*$/gm)).toEqual(['AU  - Pantel, K', 'AU  - Izbicki, J', 'AU  - Passlick, B']);
    expect(record).toContain('N1  - Author list incomplete: the record showed only the first authors (et al.).');
    expect(text).not.toMatch(/^AU {2}- others$/m);
  });
});

describe('CSL-JSON export', () => {
  const items = JSON.parse(toCslJson(bib)) as { id: string; author?: Name[]; custom?: { confidence: string } }[];

  it('keeps all 86 entries, the placeholders marked unidentified', () => {
    expect(items).toHaveLength(86);
    expect(items.filter((i) => i.custom?.confidence === 'unidentified').map((i) => i.id)).toEqual(unidentified);
    expect(new Cite(items).data).toHaveLength(86);
  });

  it('has no empty author object, and ends each truncated list with {"literal": "others"}', () => {
    for (const i of items) for (const a of i.author ?? []) expect(Object.keys(a).length, i.id).toBeGreaterThan(0);
    const ending = items.filter((i) => i.author?.at(-1)?.literal === 'others').map((i) => i.id).sort();
    expect(ending).toEqual(truncated);
  });
});
