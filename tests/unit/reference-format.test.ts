import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { identificationStatus, referenceLinks, referenceText } from '../../src/lib/bibliography/reference-format.ts';
import { referenceBody } from '../../src/lib/bibliography/reference-markup.ts';
import { projectBibliography } from '../helpers/pipeline.ts';

const bib = projectBibliography();
const entry = (key: string) => {
  const e = bib.entries.get(key);
  if (!e) throw new Error(`no ${key}`);
  return e;
};
const reviewUrl = 'https://doi.org/10.5306/wjco.v5.i2.149';
const identificationUrl = '/review/references/#identification';
const markup = (key: string) => toHtml(referenceBody(entry(key), { reviewUrl, identificationUrl }));
const visibleText = (key: string) => markup(key).replace(/<[^>]+>/g, ' ');

describe('reference entries', () => {
  it('no entry renders empty: each shows words beyond its number and status', () => {
    for (const e of bib.entries.values()) {
      const words = visibleText(e.key).replace(/Reference \d+ in the review|Confirmed|Identified from the citing sentence|Uncertain|Not yet identified/g, '');
      expect(words.trim().length, e.key).toBeGreaterThan(10);
    }
  });

  it('an entry with only a PMID still shows it (tsuya2007)', () => {
    expect(referenceText(entry('tsuya2007'))).toContain('PMID 17451841');
  });

  it('links DOI and PubMed where the data has them', () => {
    expect(referenceLinks(entry('brown2005')).map((l) => l.href)).toEqual([
      'https://doi.org/10.1093/jnci/dji002',
      'https://pubmed.ncbi.nlm.nih.gov/15632381/',
    ]);
  });

  it('escapes DOI characters that would break a URL', () => {
    const href = referenceLinks(entry('coleman1997'))[0]?.href ?? '';
    expect(href).toMatch(/^https:\/\/doi\.org\/10\.1002\//);
    expect(href).not.toMatch(/[<>]/);
  });

  it('shows each identification level in plain words, as the sources README asks', () => {
    expect(identificationStatus(entry('langer2010')).lead).toBe('');
    expect(identificationStatus(entry('langer2010')).label).toBe('Confirmed');
    expect(identificationStatus(entry('coleman1997')).label).toBe('Identified from the citing sentence');
    expect(identificationStatus(entry('ferlay2013')).label).toBe('Uncertain');
    expect(identificationStatus(entry('ferlay2013')).lead).toBe('Reference 1 of the review; possible source:');
    expect(identificationStatus(entry('roato2014ref23')).lead).toBe('Reference 23 of the review, not yet identified.');
  });

  it('every entry says its number in the review and links to the review', () => {
    const html = markup('roato2014ref23');
    expect(html).toContain(`href="${reviewUrl}"`);
    expect(html).toContain('Reference 23 in the review');
    expect(html).not.toContain('(not yet identified)}');
  });

  it('every reference has a badge, a confirmed one too, and each badge links to the one explanation', () => {
    for (const e of bib.byReviewNumber) {
      const badges = [...markup(e.key).matchAll(/<a class="ref-status" href="([^"]+)" data-confidence="([a-z]+)"[^>]*>([^<]+)<\/a>/g)];
      expect(badges.map((b) => [b[1], b[2]]), e.key).toEqual([[identificationUrl, e.confidence]]);
    }
    expect(visibleText('langer2010')).toContain('Confirmed');
    expect(markup('roato2014review')).not.toContain('ref-status');
  });

  it('a truncated author list reads "et al.", never a name "others" or an empty one', () => {
    expect(referenceText(entry('pantel1996'))).toMatch(/^Pantel K, Izbicki J, Passlick B, et al\. Frequency and prognostic significance/);
    expect(referenceText(entry('kang2003'))).toMatch(/^Kang Y, Siegel P, Shu W, Drobnjak M, Kakonen S, Cordon-Cardo C, et al\. /);
    expect(referenceText(entry('miao2007'))).toMatch(/^Miao Z et al\. CXCR7/);
    for (const e of bib.entries.values()) expect(referenceText(e), e.key).not.toMatch(/\bothers\b|, ,|^,/);
  });

  it('a confirmed reference whose record lacks details shows no "Confirmed" badge and says what is missing (kuo2013, ref 54)', () => {
    expect(identificationStatus(entry('kuo2013')).label).toBe('Source found, record incomplete');
    expect(identificationStatus(entry('kuo2013')).confidence).toBe('high');
    const text = visibleText('kuo2013').replace(/\s+/g, ' ');
    expect(text).not.toContain('Confirmed');
    expect(text).toContain('Record incomplete: authors, journal and year not yet known.');
    expect(visibleText('roato2008').replace(/\s+/g, ' ')).toContain('Record incomplete: title not yet known.');
    expect(visibleText('tsuya2007').replace(/\s+/g, ' ')).toContain('Record incomplete: authors, title, journal and year not yet known.');
  });

  it('a complete record says nothing about missing details, and an unidentified placeholder is not called incomplete', () => {
    expect(visibleText('langer2010')).not.toContain('Record incomplete');
    expect(visibleText('roato2014ref23')).not.toContain('Record incomplete');
    expect(visibleText('roato2014review')).not.toContain('Record incomplete');
  });

  it('shows the site’s note on gong2014 (ref 55) with the entry', () => {
    expect(visibleText('gong2014').replace(/\s+/g, ' ')).toContain('Note: The review calls the model NSCLC, but the cited study used small cell lung cancer (SCLC) cells.');
  });
});
