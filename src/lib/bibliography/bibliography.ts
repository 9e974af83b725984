/**
 * The bibliography: one BibTeX file (content/bibliography.bib) read into checked CSL-JSON entries.
 *
 * Every reference lives only there. Each entry carries its number in the source review
 * (`reviewnumber`) and how sure its identification is (`confidence`); the source review itself
 * is the one entry without a number. Anything malformed stops the build with the file, the line
 * and the entry named, and a hint on what to change.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { cacheKey, cachedSync } from '../site/build-cache.ts';
// The BibTeX tokenizer on its own, to keep the raw fields citation-js does not map to CSL.
import { parse as parseBibtexEntries } from '@citation-js/plugin-bibtex/lib/input/file.js';

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low', 'unidentified'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** The key of the source review's own entry. */
export const SOURCE_REVIEW_KEY = 'roato2014review';
/** The number of references the source review cites. */
export const REVIEW_REFERENCE_COUNT = 85;

const nameSchema = z.object({
  family: z.string().optional(),
  given: z.string().optional(),
  literal: z.string().optional(),
});

/** A CSL-JSON item as this site uses it. Unknown CSL fields pass through untouched. */
export const cslItemSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a key is letters, digits, "_" or "-", starting with a letter'),
  type: z.string(),
  title: z.string().optional(),
  author: z.array(nameSchema).optional(),
  'container-title': z.string().optional(),
  issued: z.object({ 'date-parts': z.array(z.array(z.union([z.number(), z.string()]))) }).optional(),
  volume: z.union([z.string(), z.number()]).optional(),
  issue: z.union([z.string(), z.number()]).optional(),
  page: z.string().optional(),
  DOI: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1234/abc (no "https://doi.org/" prefix, no spaces)')
    .optional(),
  PMID: z.string().regex(/^\d{1,9}$/, 'a PMID is digits only').optional(),
  PMCID: z.string().regex(/^PMC\d+$/, 'a PMCID looks like PMC1234567').optional(),
  URL: z
    .string()
    .regex(/^https?:\/\/[^\s"<>]+$/, 'a URL must start with http:// or https://')
    .optional(),
});
export type CslItem = z.infer<typeof cslItemSchema>;

/**
 * A truncated author list ends in this name: BibTeX `and others`, CSL-JSON `{"literal": "others"}`.
 * It means "and more authors the record did not show", rendered as "et al.".
 */
export const OTHERS = 'others';
type CslName = NonNullable<CslItem['author']>[number];
export const isOthers = (name: CslName): boolean =>
  (name.literal ?? (name.given ? undefined : name.family))?.toLowerCase() === OTHERS;
/** The authors a record named, without the closing "others". */
export const namedAuthors = (csl: CslItem): CslName[] => (csl.author ?? []).filter((a) => !isOthers(a));
/** True when the record showed only the first authors (the list ends in "others"). */
export const authorsTruncated = (csl: CslItem): boolean => (csl.author ?? []).some(isOthers);

/** A checked bibliography entry: the CSL item plus what the review says about it. */
export interface BibEntry {
  key: string;
  csl: CslItem;
  /** A note for readers shown with the entry (`sitenote`), e.g. where the review and the source differ. */
  siteNote?: string;
  /** Number in the source review, 1-85; undefined only for the source review itself. */
  reviewNumber: number | undefined;
  confidence: Confidence | undefined;
  /** 1-based line of the entry in the BibTeX file. */
  line: number;
}

export interface Bibliography {
  file: string;
  entries: Map<string, BibEntry>;
  /** The source review's own entry. */
  review: BibEntry;
  /** Entries in the review's numbering (1..85). */
  byReviewNumber: BibEntry[];
}

export class BibliographyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BibliographyError';
  }
}

interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/** Lines where each `@type{key,` starts, in file order. */
function entryStarts(text: string): { key: string; line: number }[] {
  const starts: { key: string; line: number }[] = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const m = /^\s*@(\w+)\s*[{(]\s*([^,\s]*)/.exec(l);
    if (m && !/^(comment|preamble|string)$/i.test(m[1] ?? '')) starts.push({ key: m[2] ?? '', line: i + 1 });
  });
  return starts;
}

/** Parses BibTeX text into checked entries. `file` is used in messages only. */
export function parseBibliography(text: string, file: string): Bibliography {
  const starts = entryStarts(text);
  let raw: RawEntry[];
  try {
    raw = parseBibtexEntries(text) as RawEntry[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineMatch = /line (\d+)/.exec(message);
    const line = lineMatch ? Number(lineMatch[1]) : undefined;
    // The entry that was open at the failing line is the last one that started before it
    // (or at it, when the tokenizer only notices the damage at the next entry's start).
    const open = line === undefined ? undefined : [...starts].reverse().find((s) => s.line < line) ?? starts[0];
    throw new BibliographyError(
      `${file}${line ? `:${line}` : ''}: the BibTeX does not parse` +
        (open ? ` inside entry "${open.key}" (starting at line ${open.line})` : '') +
        `. Check that entry's braces, quotes and commas.\n${message.split('\n')[0]}`,
    );
  }

  const lineOf = new Map(starts.map((s) => [s.key, s.line]));
  if (raw.length !== starts.length) {
    const parsed = new Set(raw.map((r) => r.label));
    const lost = starts.filter((s) => !parsed.has(s.key));
    throw new BibliographyError(
      `${file}: ${starts.length} entries start with "@" but ${raw.length} were read; ` +
        `not read: ${lost.map((s) => `"${s.key}" (line ${s.line})`).join(', ') || 'unknown'}. Check those entries' syntax.`,
    );
  }

  const csl = new Cite(text, { forceType: '@biblatex/text' }).data as Record<string, unknown>[];
  const cslById = new Map(csl.map((item) => [String(item['id']), item]));

  const entries = new Map<string, BibEntry>();
  for (const r of raw) {
    const line = lineOf.get(r.label) ?? 0;
    const where = `${file}:${line}: entry "${r.label}"`;
    if (entries.has(r.label)) throw new BibliographyError(`${where} repeats a key used at line ${entries.get(r.label)?.line}. Give each entry its own key.`);
    const item = { ...cslById.get(r.label) };
    delete item['_graph'];
    delete item['citation-key'];
    // Fields citation-js leaves out of CSL: keep them, as CSL names them.
    if (r.properties['pmid'] && !item['PMID']) item['PMID'] = r.properties['pmid'];
    if (r.properties['pmcid']) item['PMCID'] = r.properties['pmcid'];
    if (r.properties['url'] && !item['URL']) item['URL'] = r.properties['url'];
    if (Array.isArray(item['author'])) {
      const names = item['author'] as CslName[];
      const empty = names.findIndex((a) => ![a.family, a.given, a.literal].some((part) => part && part.trim()));
      if (empty >= 0) {
        throw new BibliographyError(`${where}: author ${empty + 1} is empty (a doubled or trailing "and"?). Remove it; end a list the record showed only in part with "and others".`);
      }
      const others = names.findIndex(isOthers);
      if (others >= 0 && others !== names.length - 1) {
        throw new BibliographyError(`${where}: "others" is author ${others + 1} of ${names.length}. It marks a truncated list, so it comes last.`);
      }
      // One spelling of the truncation mark, the shared sources' CSL-JSON one.
      if (others >= 0) item['author'] = [...names.slice(0, others), { literal: OTHERS }];
    }
    const checked = cslItemSchema.safeParse(item);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new BibliographyError(`${where}, field ${issue?.path.join('.') || '?'}: ${issue?.message}. Fix the field or remove it.`);
    }
    const rn = r.properties['reviewnumber'];
    const conf = r.properties['confidence'];
    let reviewNumber: number | undefined;
    let confidence: Confidence | undefined;
    if (r.label !== SOURCE_REVIEW_KEY) {
      reviewNumber = Number(rn);
      if (!rn || !Number.isInteger(reviewNumber) || reviewNumber < 1 || reviewNumber > REVIEW_REFERENCE_COUNT) {
        throw new BibliographyError(`${where} needs "reviewnumber", its number in the review (1-${REVIEW_REFERENCE_COUNT}); found ${JSON.stringify(rn ?? null)}.`);
      }
      if (!CONFIDENCE_LEVELS.includes(conf as Confidence)) {
        throw new BibliographyError(`${where} needs "confidence", one of ${CONFIDENCE_LEVELS.join(', ')}; found ${JSON.stringify(conf ?? null)}.`);
      }
      confidence = conf as Confidence;
    }
    const siteNote = r.properties['sitenote']?.trim();
    entries.set(r.label, { key: r.label, csl: checked.data, reviewNumber, confidence, line, ...(siteNote ? { siteNote } : {}) });
  }

  const review = entries.get(SOURCE_REVIEW_KEY);
  if (!review) throw new BibliographyError(`${file}: the source review's own entry "${SOURCE_REVIEW_KEY}" is missing. Every page names it as the source.`);

  const byNumber = new Map<number, BibEntry>();
  for (const e of entries.values()) {
    if (e.reviewNumber === undefined) continue;
    const other = byNumber.get(e.reviewNumber);
    if (other) throw new BibliographyError(`${file}:${e.line}: entries "${other.key}" and "${e.key}" both claim reviewnumber ${e.reviewNumber}. One number, one entry.`);
    byNumber.set(e.reviewNumber, e);
  }
  const byReviewNumber = [...byNumber.keys()].sort((a, b) => a - b).map((n) => byNumber.get(n) as BibEntry);
  return { file, entries, review, byReviewNumber };
}

const cache = new Map<string, { text: string; bib: Bibliography }>();
/**
 * Reads and checks a BibTeX file once per process; a file already checked comes from the build
 * cache (its entries, from which the rest is rebuilt).
 */
export function loadBibliography(path: string, displayName = path): Bibliography {
  // Read each time: an edited file (as in `astro dev`) is parsed again, an unchanged one is not.
  const text = readFileSync(path, 'utf8');
  const known = cache.get(path);
  if (known && known.text === text) return known.bib;
  const entries = cachedSync({ namespace: 'bibliography', inputs: cacheKey(displayName, text), code: ['src/lib/bibliography/bibliography.ts'] }, () => [...parseBibliography(text, displayName).entries.values()]);
  const bib = assemble(entries, displayName);
  cache.set(path, { text, bib });
  return bib;
}

/** The bibliography from its checked entries. */
function assemble(list: BibEntry[], file: string): Bibliography {
  const entries = new Map(list.map((e) => [e.key, e]));
  const review = entries.get(SOURCE_REVIEW_KEY) as BibEntry;
  const byReviewNumber = list.filter((e) => e.reviewNumber !== undefined).sort((a, b) => (a.reviewNumber ?? 0) - (b.reviewNumber ?? 0));
  return { file, entries, review, byReviewNumber };
}
