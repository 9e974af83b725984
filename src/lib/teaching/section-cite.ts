/**
 * "Cite this section": Vancouver, APA and BibTeX texts for one section of a chapter. Each names the
 * section, the chapter, the site, the section's URL, the edition's date (and the day it was read,
 * when known) and the review the site retells. Plain string building, with no library, so the
 * section-link script can rebuild the texts in the browser with the reader's actual address.
 */

export interface SectionCiteInput {
  /** Who wrote the site's text (content/site.json "editors"). */
  editors: string;
  siteTitle: string;
  /** The edition's date, YYYY-MM-DD. */
  published: string;
  chapterTitle: string;
  sectionTitle: string;
  sectionId: string;
  /** Absolute URL of the section, with its #id. */
  url: string;
  /** The source review: Vancouver and APA texts (each ending with its DOI) and its DOI. */
  review: { vancouver: string; apa: string; doi: string };
  /** The day the reader read it, YYYY-MM-DD; omitted in texts built ahead of time. */
  accessed?: string;
}

export interface SectionCitation {
  vancouver: string;
  apa: string;
  bibtex: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parseDate(date: string, field: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parts = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [];
  if (!m || parts[1]! < 1 || parts[1]! > 12) throw new Error(`Cite this section: ${field} "${date}" is not a date as YYYY-MM-DD.`);
  return parts as [number, number, number];
}

/** "2026 Nov 27", as Vancouver (NLM) writes dates. */
function nlmDate(date: string, field: string): string {
  const [y, m, d] = parseDate(date, field);
  return `${y} ${MONTHS[m - 1]!.slice(0, 3)} ${d}`;
}

/** "2026, November 27", as APA writes a web page's date. */
function apaDate(date: string, field: string): string {
  const [y, m, d] = parseDate(date, field);
  return `${y}, ${MONTHS[m - 1]} ${d}`;
}

const stop = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

/** BibTeX field text: braces balanced and LaTeX specials escaped. */
function bib(s: string): string {
  return s.replace(/[\\{}]/g, '').replace(/([&%#_$])/g, '\\$1');
}

/** A BibTeX key from the site's first word, the year and the section id: "lung2026il7". */
export function sectionCiteKey(siteTitle: string, published: string, sectionId: string): string {
  const word = (siteTitle.match(/[A-Za-z]+/)?.[0] ?? 'site').toLowerCase();
  return `${word}${published.slice(0, 4)}${sectionId.replace(/[^A-Za-z0-9]/g, '')}`;
}

export function citeSection(input: SectionCiteInput): SectionCitation {
  const { editors, siteTitle, published, chapterTitle, sectionTitle, url, review, accessed } = input;
  const vancouver = [
    `${stop(editors)} ${stop(sectionTitle)} In: ${stop(chapterTitle)} ${siteTitle} [Internet].`,
    `${nlmDate(published, 'published')}${accessed ? ` [cited ${nlmDate(accessed, 'accessed')}]` : ''}.`,
    `Available from: ${url}.`,
    `Based on: ${review.vancouver}`,
  ].join(' ');
  const apa = [
    `${stop(editors)} (${apaDate(published, 'published')}).`,
    `${stop(sectionTitle)} In ${stop(chapterTitle)} ${stop(siteTitle)}`,
    `${accessed ? `Retrieved ${apaDate(accessed, 'accessed').replace(/^(\d{4}), (.*)$/, '$2, $1')}, from ${url}` : url}.`,
    `Based on ${review.apa}`,
  ].join(' ');
  const fields: [string, string][] = [
    ['author', `{${bib(editors)}}`],
    ['title', bib(sectionTitle)],
    ['booktitle', bib(chapterTitle)],
    ['publisher', bib(siteTitle)],
    ['year', published.slice(0, 4)],
    ['date', published],
    ['url', url],
    ...(accessed ? ([['urldate', accessed]] as [string, string][]) : []),
    ['note', `Section of the chapter ${bib(`“${chapterTitle}”`)} of ${bib(siteTitle)}, based on ${bib(review.vancouver)}`],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  const bibtex = [
    `@inbook{${sectionCiteKey(siteTitle, published, input.sectionId)},`,
    ...fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}},`),
    '}',
  ].join('\n');
  return { vancouver, apa, bibtex };
}
