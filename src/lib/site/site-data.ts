/**
 * What every page needs to know about the site and its source, derived once from the bibliography.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadBibliography, type Bibliography } from '../bibliography/bibliography.ts';
import { readSiteEnv } from './site-config.ts';
import { formatEntries, shortReference, vancouverText } from '../bibliography/reference-format.ts';
import { loadFactors, readChapterSources, type ChapterSourceFile, type Factor } from '../atlas/factors.ts';

import { siteMeta } from './site-meta.ts';

export const SITE_TITLE = siteMeta().title;
export const SITE_TAGLINE = siteMeta().tagline;

/**
 * The version of the files a value is read from (path, size and time of each): a build asks for the
 * bibliography and the atlas on every page, and reads them once; an edited file (as in `astro dev`)
 * is read again.
 */
const fileVersion = (...files: string[]) =>
  files
    .map((f) => {
      const st = statSync(f, { throwIfNoEntry: false });
      return `${f}:${st?.size ?? '-'}:${st?.mtimeMs ?? '-'}`;
    })
    .join('|');

const memo = new Map<string, unknown>();
function once<T>(name: string, version: string, compute: () => T): T {
  const key = `${name}\0${version}`;
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

export function siteBibliography(): Bibliography {
  const env = readSiteEnv(process.env);
  return once('bibliography', fileVersion(resolve(env.BIBLIOGRAPHY)), () => {
    const bib = loadBibliography(resolve(env.BIBLIOGRAPHY), env.BIBLIOGRAPHY);
    formatEntries(bib.entries.values());
    return bib;
  });
}

export interface SourceReview {
  citation: string;
  /** Without its title, for credit lines: "Roato I. World Journal of Clinical Oncology 2014;5(2):149-155". */
  short: string;
  doi: string;
  doiUrl: string;
}

export function sourceReview(): SourceReview {
  const { review } = siteBibliography();
  const doi = review.csl.DOI ?? '';
  return {
    citation: vancouverText(review),
    short: shortReference(review),
    doi,
    doiUrl: `https://doi.org/${doi}`,
  };
}

const chapterSources = new Map<string, ChapterSourceFile[]>();

/**
 * The factor atlas data, checked against the bibliography and the chapters: a cited relation must
 * be stated, with its key, in a chapter passage (src/lib/atlas/relation-evidence.ts).
 */
export function siteFactors(): Factor[] {
  const { FACTORS, CHAPTERS_DIR } = readSiteEnv(process.env);
  const dir = resolve(CHAPTERS_DIR);
  const chapters = chapterSources.get(dir) ?? readChapterSources(dir);
  chapterSources.set(dir, chapters);
  const { BIBLIOGRAPHY } = readSiteEnv(process.env);
  return once('factors', `${dir}|${fileVersion(resolve(FACTORS), resolve(BIBLIOGRAPHY))}`, () =>
    loadFactors(resolve(FACTORS), FACTORS, { knownKeys: new Set(siteBibliography().entries.keys()), chapters }),
  );
}
