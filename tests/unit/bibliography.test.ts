import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorsTruncated, namedAuthors, parseBibliography, BibliographyError, SOURCE_REVIEW_KEY } from '../../src/lib/bibliography/bibliography.ts';
import { parseBibText, syncBibliography } from '../../src/lib/bibliography/bibliography-sync.ts';
import { projectBibliography } from '../helpers/pipeline.ts';

const fixture = (name: string) => {
  const file = `tests/fixtures/bibtex/${name}`;
  return () => parseBibliography(readFileSync(file, 'utf8'), file);
};

describe('the project bibliography', () => {
  const bib = projectBibliography();

  it('holds the review and its 85 references, 86 entries in all', () => {
    expect(bib.entries.size).toBe(86);
    expect(bib.review.key).toBe(SOURCE_REVIEW_KEY);
    expect(bib.review.csl.DOI).toBe('10.5306/wjco.v5.i2.149');
  });

  it('numbers the references 1 to 85, each number once', () => {
    expect(bib.byReviewNumber.map((e) => e.reviewNumber)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
  });

  it('keeps the identification counts of the shared sources (16 high, 30 medium, 26 low, 13 unidentified)', () => {
    const count = (c: string) => bib.byReviewNumber.filter((e) => e.confidence === c).length;
    expect([count('high'), count('medium'), count('low'), count('unidentified')]).toEqual([16, 30, 26, 13]);
    expect(bib.entries.get('kingsley2007')?.confidence).toBe('high');
    expect(bib.entries.get('giuliani2002')?.confidence).toBe('high');
  });

  it('keeps PubMed and PMC identifiers that citation-js would drop', () => {
    expect(bib.entries.get('tsuya2007')?.csl.PMID).toBe('17451841');
    expect(bib.entries.get('levina2008')?.csl.PMCID).toBe('PMC2518121');
    expect([...bib.entries.values()].filter((e) => e.csl.PMCID).length).toBe(10);
  });

  it('marks the 12 author lists a record showed only in part with a closing "others", and has no empty name', () => {
    const truncated = [...bib.entries.values()].filter((e) => authorsTruncated(e.csl));
    expect(truncated.map((e) => e.key).sort()).toEqual(
      ['bertolini2009', 'creighton2009', 'daddario2010', 'guise1996', 'jones2006', 'kang2003', 'levina2008', 'miao2007', 'muller2001', 'pantel1996', 'roato2006', 'stopeck2010'],
    );
    for (const e of truncated) expect(e.csl.author?.at(-1), e.key).toEqual({ literal: 'others' });
    expect(namedAuthors(bib.entries.get('kang2003')?.csl ?? { id: 'x', type: 'x' }).at(-1)).toEqual({ family: 'Massagué', given: 'J' });
    for (const e of bib.entries.values()) for (const a of e.csl.author ?? []) expect(a.family ?? a.literal, e.key).toBeTruthy();
  });

  it('carries the reader note on gong2014 (ref 55): the review says NSCLC, the study used SCLC cells', () => {
    expect(bib.entries.get('gong2014')?.siteNote).toBe('The review calls the model NSCLC, but the cited study used small cell lung cancer (SCLC) cells.');
  });
});

describe('the check against the shared sources (npm run bib:check, a CI step of its own)', () => {
  // The tests never read ../shared: a fresh clone has none. CI runs the check where it exists.
  const sharedBib = ['@article{a2001,', '  author = {Able, A and Baker, B},', '  title = {{T}},', '  reviewnumber = {1},', '  confidence = {high},', '}', ''].join('\n');
  const check = (sources: string, project: string) =>
    spawnSync(process.execPath, ['scripts/check-bibliography.mts', sources, project], { encoding: 'utf8' });
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bib-check-'));
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'bibliography.bib'), sharedBib);
    writeFileSync(join(dir, 'sources', 'bibliography.json'), JSON.stringify([{ id: 'a2001', PMID: '123' }]));
    writeFileSync(join(dir, 'agrees.bib'), syncBibliography(sharedBib, [{ id: 'a2001', PMID: '123' }], undefined).text);
    writeFileSync(join(dir, 'stale.bib'), syncBibliography(sharedBib.replace('Baker, B', 'Baker, C'), [], undefined).text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes when running the sync script would change nothing', () => {
    const run = check(join(dir, 'sources'), join(dir, 'agrees.bib'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/agrees\.bib agrees with .*sources/);
  });

  it('fails naming every field the sync would change, and says to run npm run bib:sync', () => {
    const run = check(join(dir, 'sources'), join(dir, 'stale.bib'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('a2001: author = {Able, A and Baker, B} (was {Able, A and Baker, C})');
    expect(run.stderr).toContain('a2001: pmid = {123} (added)');
    expect(run.stderr).toContain('Run "npm run bib:sync"');
  });

  it('fails loudly when the shared sources are missing, instead of passing with nothing compared', () => {
    const run = check(join(dir, 'no-such-folder'), join(dir, 'agrees.bib'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bib:check FAILED: .*no-such-folder\/bibliography\.bib and .*no-such-folder\/bibliography\.json are missing/);
  });
});

describe('the sync of the shared sources', () => {
  const sharedBib = [
    '% header',
    '',
    '@article{a2001,',
    '  author = {Able, A and Baker, B and others},',
    '  title = {{T}},',
    '  reviewnumber = {1},',
    '  confidence = {high},',
    '}',
    '',
  ].join('\n');

  it('takes every shared field, adds pmid and pmcid from the CSL-JSON before reviewnumber, and keeps the project’s sitenote', () => {
    const project = sharedBib.replace('  author = {Able, A and Baker, B and others},\n', '  author = {Able, A and Baker, B and },\n').replace('  reviewnumber', '  sitenote = {A note.},\n  reviewnumber');
    const { text, changes } = syncBibliography(sharedBib, [{ id: 'a2001', PMID: '123', PMCID: 'PMC9' }], project);
    const entry = parseBibText(text, 'out.bib').entries[0];
    expect(entry?.fields.map((f) => `${f.name}=${f.value}`)).toEqual(['author=Able, A and Baker, B and others', 'title={T}', 'pmid=123', 'pmcid=PMC9', 'sitenote=A note.', 'reviewnumber=1', 'confidence=high']);
    expect(changes).toEqual(['a2001: author = {Able, A and Baker, B and others} (was {Able, A and Baker, B and })', 'a2001: pmid = {123} (added)', 'a2001: pmcid = {PMC9} (added)']);
  });

  it('a field laid out over several lines is refused with its line, not lost', () => {
    expect(() => syncBibliography(sharedBib.replace('  title = {{T}},', '  title = {{T\n  continued}},'), [], undefined)).toThrow(/shared\/sources\/bibliography\.bib:5: expected a field/);
  });
});

describe('a bad bibliography fails with the file, line and entry named', () => {
  it('a malformed BibTeX entry is named with its line', () => {
    expect(fixture('malformed.bib')).toThrow(BibliographyError);
    expect(fixture('malformed.bib')).toThrow(/tests\/fixtures\/bibtex\/malformed\.bib:\d+: the BibTeX does not parse inside entry "broken2002" \(starting at line 9\)/);
  });

  it('an entry without its number in the review is named, with what to add', () => {
    expect(fixture('no-review-number.bib')).toThrow(/no-review-number\.bib:7: entry "orphan2010" needs "reviewnumber"/);
  });

  it('an empty author name (a trailing "and") is refused, with how to mark a truncated list', () => {
    expect(fixture('empty-author.bib')).toThrow(/empty-author\.bib:7: entry "pantel1996": author 4 is empty \(a doubled or trailing "and"\?\)\. Remove it; end a list the record showed only in part with "and others"/);
  });

  it('a DOI that is not a DOI (a javascript: URL) is refused', () => {
    expect(fixture('hostile-doi.bib')).toThrow(/hostile-doi\.bib:7: entry "evil2020", field DOI: a DOI looks like 10\.1234\/abc/);
  });
});
