/**
 * The content-data stage of the build: every data file an editor writes (the factor atlas, the
 * redirects, the figures, the search synonyms, site.json, the editors' _headers) checked before any
 * page is rendered, each against the others. Every mistake of every file is collected and thrown
 * as one error, so one failing build lists them all, each with file, line, column and the fix.
 *
 * What needs the chapters is checked once the chapters have passed their own checks, so a build of
 * fixture chapters reports their mistakes, not the data's references to the real chapters: the
 * relation rule and a figure's chapter when pages are rendered (siteFactors, siteFigureSpecs), and
 * redirect targets after the build, against every page and id (src/integrations/anchors-manifest.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadBibliography, type Bibliography } from '../bibliography/bibliography.ts';
import { loadFactors, type Factor } from '../atlas/factors.ts';
import { parseFigures } from '../figures/figure-spec.ts';
import { parseSynonyms, type SynonymFactor } from '../search/synonyms-file.ts';
import { linkTargets, type LinkTargets } from '../links/link-targets.ts';
import { loadRedirects, type Redirects } from '../links/redirects.ts';
import { editorHeadersIssues } from './headers-merge.ts';
import { headersFile } from './security.ts';
import { parseSiteMeta } from './site-meta.ts';
import type { SiteEnv } from './site-config.ts';
import { ContentDataError, readYaml, type DataIssue } from './yaml-source.ts';

export interface ContentData {
  bibliography: Bibliography;
  factors: Factor[];
  redirects: Redirects;
  targets: LinkTargets;
}

/**
 * The factors a file declares, read leniently (ids and names only), so the other files are still
 * checked against them when the factor data has mistakes: one build reports them all.
 */
function declaredFactors(path: string, file: string): SynonymFactor[] {
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  try {
    const data = readYaml(readFileSync(path, 'utf8'), file).data;
    if (!Array.isArray(data)) return [];
    return data.flatMap((f: Record<string, unknown> | null) =>
      typeof f?.['id'] === 'string' && typeof f['name'] === 'string'
        ? [{ id: f['id'], name: f['name'], aliases: strings(f['aliases']), searchAliases: strings(f['searchAliases']), ...(typeof f['expansion'] === 'string' ? { expansion: f['expansion'] } : {}) }]
        : [],
    );
  } catch {
    return [];
  }
}

/**
 * Checks every content data file. Throws one ContentDataError listing all the mistakes found;
 * returns what the rest of the configuration needs.
 */
export function checkContentData(env: SiteEnv, root = process.cwd()): ContentData {
  const at = (p: string) => resolve(root, p);
  const issues: DataIssue[] = [];
  const collect = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (e) {
      if (e instanceof ContentDataError) issues.push(...e.issues);
      else issues.push({ file: 'content', message: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  };

  // The bibliography comes first: every other check names its keys.
  const bibliography = loadBibliography(at(env.BIBLIOGRAPHY), env.BIBLIOGRAPHY);
  const knownKeys = new Set(bibliography.entries.keys());
  const factors = collect(() => loadFactors(at(env.FACTORS), env.FACTORS, { knownKeys }));
  const named: readonly SynonymFactor[] = factors ?? declaredFactors(at(env.FACTORS), env.FACTORS);
  const factorIds = named.map((f) => f.id);
  const targets = linkTargets(at(env.CHAPTERS_DIR), factorIds);
  const redirects = collect(() => loadRedirects(at(env.REDIRECTS), env.REDIRECTS));
  collect(() =>
    parseFigures(readFileSync(at(env.FIGURES), 'utf8'), env.FIGURES, {
      factorIds: new Set(factorIds),
      factorNames: new Map(named.map((f) => [f.id, f.name])),
      citationKeys: knownKeys,
    }),
  );
  collect(() => parseSynonyms(readFileSync(at(env.SEARCH_SYNONYMS), 'utf8'), env.SEARCH_SYNONYMS, named));
  collect(() => parseSiteMeta(readFileSync(at(env.SITE_META), 'utf8'), env.SITE_META));
  if (existsSync(at(env.HEADERS))) issues.push(...editorHeadersIssues(readFileSync(at(env.HEADERS), 'utf8'), headersFile(env.BASE_PATH), env.HEADERS));

  if (issues.length || !factors || !redirects) throw new ContentDataError(issues);
  return { bibliography, factors, redirects, targets };
}
