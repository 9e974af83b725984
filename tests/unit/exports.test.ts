/**
 * The downloads a reference manager imports, written from the project bibliography and parsed back.
 */
import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { spawnSync } from 'node:child_process';
import { toBibtex, toCslJson, toRis, exportedEntries } from '../../src/lib/bibliography/exports.ts';
import { missingDetails } from '../../src/lib/bibliography/record-completeness.ts';
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

/** What a citation needs, read from a record as another tool parsed it (not from our own data). */
type Parsed = { id: string; type?: string; title?: string; author?: Name[]; 'container-title'?: string; issued?: unknown; DOI?: string; URL?: string; note?: string };
function lacking(r: Parsed): string[] {
  const has = {
    authors: (r.author ?? []).some((a) => (a.family ?? a.literal) !== 'others'),
    title: Boolean(r.title),
    journal: r.type !== 'article-journal' || Boolean(r['container-title']),
    year: r.issued !== undefined,
  };
  return (Object.keys(has) as (keyof typeof has)[]).filter((d) => !has[d]);
}
const listed = (details: string[]) => (details.length < 2 ? details.join('') : `${details.slice(0, -1).join(', ')} and ${details.at(-1)}`);
/** The incomplete records that have neither DOI nor PMID: a title, and a note saying no identifier is known yet. */
const NO_IDENTIFIER = ['bonetumornd', 'semenza2012b', 'hiraga2007', 'yadav2011', 'santini2011', 'coleman2005', 'giuliani2002'];

describe('exports a researcher can import: incomplete records', () => {
  const bibtex = toBibtex(bib);
  /** The BibTeX export as pandoc reads it, one CSL item per record. pandoc is required: without it this fails. */
  const pandoc = (() => {
    const run = spawnSync('pandoc', ['-f', 'bibtex', '-t', 'csljson'], { input: bibtex, encoding: 'utf8' });
    if (run.error || run.status !== 0) throw new Error(`pandoc could not read the BibTeX export (${run.error?.message ?? run.stderr}). Install it: apt-get install pandoc.`);
    return JSON.parse(run.stdout) as Parsed[];
  })();

  it('pandoc reads every exported BibTeX record back, under its own key', () => {
    expect(pandoc.map((r) => r.id)).toEqual(exportedEntries(bib).map((e) => e.key));
  });

  it('every record pandoc reads is complete, or names exactly the details it lacks and how to complete it', () => {
    const incomplete = pandoc.filter((r) => lacking(r).length > 0);
    expect(incomplete.length).toBeGreaterThan(0);
    for (const r of pandoc) {
      const missing = lacking(r);
      if (!missing.length) {
        expect(r.note ?? '', r.id).not.toContain('Record incomplete');
        continue;
      }
      expect(r.note ?? '', r.id).toContain(`Record incomplete: ${listed(missing)} not yet known`);
      const pmid = /PMID: \d+\./.test(r.note ?? '');
      if (r.DOI || pmid) expect(r.note ?? '', r.id).toMatch(/\(complete it from its (DOI or PMID|DOI|PMID)\)/);
      else {
        expect(NO_IDENTIFIER, `${r.id} has no DOI or PMID`).toContain(r.id);
        expect(r.note ?? '', r.id).toContain('(no DOI or PMID known yet)');
      }
    }
    expect(pandoc.filter((r) => lacking(r).length && !r.DOI && !/PMID: \d+/.test(r.note ?? '')).map((r) => r.id).sort()).toEqual([...NO_IDENTIFIER].sort());
  });

  it('no record is a bare note: each carries a title, a DOI or a link besides its note', () => {
    for (const r of pandoc) expect(Boolean(r.title || r.DOI || r.URL), r.id).toBe(true);
  });

  it('tsuya2007 (ref 6), known only by its PMID, links to its PubMed page and carries the PMID in its note', () => {
    const tsuya = pandoc.find((r) => r.id === 'tsuya2007');
    expect(tsuya?.URL).toBe('https://pubmed.ncbi.nlm.nih.gov/17451841/');
    expect(tsuya?.note).toContain('PMID: 17451841.');
    expect(tsuya?.note).toContain('Record incomplete: authors, title, journal and year not yet known (complete it from its PMID).');
    expect(bibtex).not.toMatch(/howpublished/);
  });

  it('kuo2013 (ref 54) says it lacks its authors, journal and year, and the DOI of an incomplete record stays in the doi field', () => {
    expect(pandoc.find((r) => r.id === 'kuo2013')?.note).toContain('Record incomplete: authors, journal and year not yet known (complete it from its PMID).');
    const rud = pandoc.find((r) => r.id === 'rud2013');
    expect(rud?.DOI).toBe('10.1038/bjc.2013.450');
    expect(rud?.note).toContain('Record incomplete: authors not yet known (complete it from its DOI or PMID).');
  });

  it('the project’s own account of missing details agrees with what pandoc finds in the export', () => {
    for (const r of pandoc) {
      const entry = bib.entries.get(r.id);
      if (!entry) throw new Error(`${r.id} is not in the bibliography`);
      expect(missingDetails(entry), r.id).toEqual(lacking(r));
    }
  });

  it('RIS keeps each incomplete record with its DOI in DO, its PMID in a note and a note naming what is missing', () => {
    const records = toRis(bib).split('\n\n');
    for (const e of exportedEntries(bib)) {
      const record = records.find((r) => r.includes(`ID  - ${e.key}\n`)) ?? '';
      const missing = missingDetails(e);
      if (!missing.length) continue;
      expect(record, e.key).toContain(`N1  - `);
      expect(record, e.key).toMatch(new RegExp(`^N1 {2}- .*Record incomplete: ${listed(missing)} not yet known`, 'm'));
      if (e.csl.DOI) expect(record, e.key).toContain(`DO  - ${e.csl.DOI}\n`);
      if (e.csl.PMID) expect(record, e.key).toContain(`N1  - PMID: ${e.csl.PMID}\n`);
    }
    expect(records.find((r) => r.includes('ID  - tsuya2007\n'))).toContain('UR  - https://pubmed.ncbi.nlm.nih.gov/17451841/');
  });
});
