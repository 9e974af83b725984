/**
 * The teaching kit's pure parts: a chapter cut into its h2 sections, one section made into an
 * embeddable body with only its own references, the "Cite this section" texts, and QR codes read
 * back with a decoder.
 */
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { renderMdx } from '../helpers/pipeline.ts';
import { chapterSectionIds, embedSection, sectionById, splitChapter } from '../../src/lib/teaching/sections.ts';
import { citeSection, type SectionCiteInput } from '../../src/lib/teaching/section-cite.ts';
import { modulesOfSvg, qrModules, qrSvg, rasterize, teachingUrl } from '../../src/lib/teaching/qr.ts';

const CHAPTER = `Opening paragraph cites nothing.

## First part {/* #first */}

Bone is remodelled all the time [@ferlay2013]. See also [the second part](#second).

### A detail {/* #detail */}

Detail text [@ferlay2013; @coleman1997].

## Second part {/* #second */}

Another claim [@coleman1997].

## Third part {/* #third */}

No citation here.
`;

async function split() {
  return splitChapter((await renderMdx(CHAPTER)).html);
}

describe('a chapter cut into sections', () => {
  it('finds every h2 with its title, and each section runs up to the next h2 with its h3s inside', async () => {
    const { sections, references } = await split();
    expect(sections.map((s) => [s.id, s.title])).toEqual([
      ['first', 'First part'],
      ['second', 'Second part'],
      ['third', 'Third part'],
    ]);
    const firstText = sections[0]!.nodes.map((n) => ('value' in n ? n.value : JSON.stringify(n))).join('');
    expect(firstText).toContain('Detail text');
    expect(firstText).not.toContain('Another claim');
    expect(references).toBeDefined();
  });

  it('an unknown section id fails with the chapter and the ids it has', async () => {
    expect(() => sectionById({ sections: [], references: undefined }, 'nope', 'bone-niche')).toThrow(/Chapter "bone-niche" has no h2 section "nope"/);
  });
});

describe('an embedded section', () => {
  it('leaves the cut chapter as it was, so one cut serves every section of the chapter', async () => {
    const s = await split();
    const before = JSON.stringify(s);
    const once = embedSection(sectionById(s, 'second', 'x'), s.references, { chapterHref: '/x/' });
    embedSection(sectionById(s, 'first', 'x'), s.references, { chapterHref: '/elsewhere/' });
    const again = embedSection(sectionById(s, 'second', 'x'), s.references, { chapterHref: '/x/' });
    expect(JSON.stringify(s)).toBe(before);
    expect(again).toEqual(once);
  });

  it('keeps its citations and lists only the references it cites, numbered as in the chapter', async () => {
    const s = await split();
    const second = embedSection(sectionById(s, 'second', 'x'), s.references, { chapterHref: '/x/' });
    const items = selectAll('li', fromHtml(second.referencesHtml, { fragment: true }));
    expect(items.map((li) => li.properties['id'])).toEqual(['bib-coleman1997']);
    expect(items.map((li) => li.properties['value'])).toEqual(['4']); // its number in the review, as in the chapter
    expect(second.html).toContain('href="#bib-coleman1997"');
    const third = embedSection(sectionById(s, 'third', 'x'), s.references, { chapterHref: '/x/' });
    expect(third.referencesHtml).toBe('');
  });

  it('lists every reference a range covers, the middle ones too: "(49–51)" brings 49, 50 and 51', async () => {
    const { html } = await renderMdx('## Ranged {/* #ranged */}\n\nThree works agree [@roato2014ref49; @roato2014ref50; @roato2014ref51].\n');
    const s = splitChapter(html);
    const ranged = embedSection(sectionById(s, 'ranged', 'x'), s.references, { chapterHref: '/x/' });
    expect(ranged.html).toContain('>49</a>–<a');
    expect(ranged.html).not.toContain('>50</a>');
    const items = selectAll('li', fromHtml(ranged.referencesHtml, { fragment: true }));
    expect(items.map((li) => li.properties['value'])).toEqual(['49', '50', '51']);
  });

  it('drops section-link controls and back-links to citations that are not on the page', async () => {
    const s = await split();
    const second = embedSection(sectionById(s, 'second', 'x'), s.references, { chapterHref: '/x/' });
    expect(second.html).not.toContain("<section-link");
    expect(second.html).toMatch(/^<div class="heading-wrap"><h1 id="second">Second part<\/h1><\/div>/);
    const backrefs = selectAll('a.backref', fromHtml(second.referencesHtml, { fragment: true }));
    expect(backrefs.length).toBe(1);
    expect(second.html).toContain(`id="${String(backrefs[0]!.properties['href']).slice(1)}"`);
  });

  it('points links to the rest of the chapter at the chapter, in a new tab', async () => {
    const s = await split();
    const first = embedSection(sectionById(s, 'first', 'x'), s.references, { chapterHref: '/review/x/' });
    expect(first.html).toMatch(/<a href="\/review\/x\/#second" target="_blank" rel="noopener">the second part<\/a>/);
  });
});

const citeInput: SectionCiteInput = {
  editors: 'Lung cancer in bone editors',
  siteTitle: 'Lung cancer in bone',
  published: '2026-11-27',
  chapterTitle: 'Serum markers of bone metastasis',
  sectionTitle: 'IL-7 as a candidate marker',
  sectionId: 'il-7',
  url: 'https://example.org/review/serum-markers/#il-7',
  review: { vancouver: 'Roato I. Bone metastases. World J Clin Oncol. 2014;5(2):149–55. doi:10.5306/wjco.v5.i2.149', apa: 'Roato, I. (2014). Bone metastases. https://doi.org/10.5306/wjco.v5.i2.149', doi: '10.5306/wjco.v5.i2.149' },
};

describe('cite this section', () => {
  it('each format names the section, the chapter, the site, the section URL, the date and the review', () => {
    const c = citeSection(citeInput);
    for (const [format, text] of Object.entries(c)) {
      for (const part of ['IL-7 as a candidate marker', 'Serum markers of bone metastasis', 'Lung cancer in bone', 'https://example.org/review/serum-markers/#il-7', '2026', '10.5306/wjco.v5.i2.149']) {
        expect(text, `${format} names ${part}`).toContain(part);
      }
    }
    expect(c.vancouver).toContain('2026 Nov 27');
    expect(c.apa).toContain('(2026, November 27)');
    expect(c.bibtex).toMatch(/^@inbook\{lung2026il7,\n/);
  });

  it('adds the day of reading when it is known', () => {
    const c = citeSection({ ...citeInput, accessed: '2027-01-05' });
    expect(c.vancouver).toContain('[cited 2027 Jan 5]');
    expect(c.apa).toContain('Retrieved January 5, 2027, from https://example.org/review/serum-markers/#il-7. Based on Roato');
    expect(c.bibtex).toContain('urldate   = {2027-01-05}');
  });

  it('a malformed date fails and names the field', () => {
    expect(() => citeSection({ ...citeInput, published: '27/11/2026' })).toThrow(/published "27\/11\/2026" is not a date/);
  });

  it('escapes LaTeX specials in BibTeX', () => {
    expect(citeSection({ ...citeInput, sectionTitle: 'RANK & RANKL_1 at 50%' }).bibtex).toContain('title     = {RANK \\& RANKL\\_1 at 50\\%}');
  });
});

describe('QR codes', () => {
  it('the URL is the site, the base path, the chapter and the section', () => {
    expect(teachingUrl('https://example.org', '/review/', 'serum-markers', 'il-7')).toBe('https://example.org/review/serum-markers/#il-7');
    expect(teachingUrl('https://example.org/', '/', 'bone-niche')).toBe('https://example.org/bone-niche/');
  });

  it('a section QR decodes back to its URL', () => {
    const url = 'https://example.org/review/serum-markers/#il-7';
    const svg = qrSvg(url);
    const bitmap = rasterize(modulesOfSvg(svg));
    expect(jsQR(bitmap.data, bitmap.width, bitmap.height)?.data).toBe(url);
  });

  it('has a four-module quiet zone of light modules on every side', () => {
    const { size, dark } = qrModules('https://example.org/bone-niche/');
    for (let i = 0; i < size; i++) {
      for (const k of [0, 1, 2, 3, size - 4, size - 3, size - 2, size - 1]) {
        expect(dark[k]![i]).toBe(false);
        expect(dark[i]![k]).toBe(false);
      }
    }
  });

  it('an empty text fails with a clear message', () => {
    expect(() => qrSvg('')).toThrow(/non-empty text/);
  });
});

describe('the sections a chapter offers for embedding', () => {
  it('are its own h2 ids, in order, without h3s', () => {
    expect(chapterSectionIds('Intro\n\n## One {/* #one */}\n\ntext\n\n### Sub {/* #sub */}\n\n## Two {/* #two */}\n')).toEqual(['one', 'two']);
  });
});
