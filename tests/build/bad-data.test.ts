/**
 * The content-data stage of a real build: every data file an editor writes is checked before any
 * page is rendered, and one failing build lists every mistake it found, each with file, line,
 * column and what to do. Three builds: one with a mistake of each kind in every data file, one with
 * a YAML syntax error in each YAML file (both stop at the configuration, in seconds), and one whose
 * redirects lead to pages and ids that do not exist, found after the build against every page and
 * id. The checks themselves are unit-tested in tests/unit/data-checks.test.ts; a relation the
 * chapters do not state is tests/build/atlas-relations.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWith, type BuildResult } from '../helpers/build-fixture.ts';

const M = 'tests/fixtures/data/mistakes';
const S = 'tests/fixtures/data/syntax';
/** A path as it appears in a message, for a regular expression. */
const re = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('one build reports every mistake of the data files', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildWith({
      FACTORS: `${M}/factors.yaml`,
      FIGURES: `${M}/figures.yaml`,
      SEARCH_SYNONYMS: `${M}/search-synonyms.yaml`,
      REDIRECTS: `${M}/redirects.yaml`,
      SITE_META: `${M}/site.json`,
      HEADERS: 'tests/fixtures/headers/conflict._headers',
    });
  }, 200_000);

  it('the build fails and counts the mistakes', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('(16 mistakes in the content data: fix each, then build again.)');
  });

  it('factors.yaml: an expansion that is another factor’s name, naming both lines (issue 22)', () => {
    expect(build.output).toMatch(
      new RegExp(`${re(`${M}/factors.yaml:13:14: factor "il-6": the expansion "interleukin-7" is also the expansion of "il-7" at ${M}/factors.yaml:5:14.`)} Every name, expansion, alias and search alias must lead to one factor`),
    );
  });

  it('factors.yaml: a citation in a summary, a common word as a link alias, a relation listed twice, stimulates and inhibits on one key, a summary over its limit', () => {
    expect(build.output).toContain(`${M}/factors.yaml:15:12: factor "il-6": the summary contains the citation "[@kang2003]", which a summary never renders as one.`);
    expect(build.output).toContain(`${M}/factors.yaml:29:13: factor "bone-matrix": the alias "bone" is a common word: as a link name it would turn every "bone" in the chapters into a link to this factor. Move it to "searchAliases" (searched, never linked), or write a more specific name such as "bone matrix".`);
    expect(build.output).toContain(`${M}/factors.yaml:25:7: factor "osteoclast": relation "degrades bone-matrix" is listed twice (first at ${M}/factors.yaml:24:7). Keep one, with all the keys in its "cites".`);
    expect(build.output).toContain(`${M}/factors.yaml:18:7: factor "il-6": relation "inhibits osteoclast" and "stimulates osteoclast" at ${M}/factors.yaml:17:7 both cite "kang2003": the same source cannot say both.`);
    expect(build.output).toContain(`${M}/factors.yaml:34:12: factor "rankl", field "summary": keep the summary to one or two sentences, at most 500 characters.`);
  });

  it('factors.yaml: a relation citing a key not in the bibliography', () => {
    expect(build.output).toContain(`${M}/factors.yaml:10:54: factor "il-7": relation "stimulates osteoclast" cites "nosuchpaper1999", which is not in the bibliography. Use a key from content/bibliography.bib.`);
  });

  it('figures.yaml: two nodes at the same position and a node outside the canvas, in their layouts', () => {
    expect(build.output).toContain(`${M}/figures.yaml:15:20: figure "fig-fixture": in the wide layout, node "bone-matrix" is at [200, 100], the same position as node "osteoclast": one box would hide the other. Give it a position of its own.`);
    expect(build.output).toMatch(new RegExp(`${re(`${M}/figures.yaml:23:13: figure "fig-fixture": in the narrow layout, node "il-6" at [900, 340] has a box of`)} \\d+ × \\d+ px that reaches outside the 356 × 400 canvas\\. Move its centre to x between \\d+ and \\d+`));
  });

  it('search-synonyms.yaml: a "same" group joining IL-7 and IL-6', () => {
    expect(build.output).toContain(`${M}/search-synonyms.yaml:3:12: this group joins "IL-7" (the factor "il-7") and "IL-6" (the factor "il-6"), so search would treat one as the other.`);
  });

  it('redirects.yaml: a loop, one old address sent two ways, an anchor redirect listed twice', () => {
    expect(build.output).toContain(`${M}/redirects.yaml:4:5: the page redirects form a loop: /bone-microenvironment/ → /bone-metastasis-niche/ → /bone-microenvironment/, so a reader following them never arrives. Remove one of these redirects`);
    expect(build.output).toContain(`${M}/redirects.yaml:7:13: /old-markers/ already redirects to /serum-markers/ at ${M}/redirects.yaml:6:5, and here to /bone-niche/. An old address leads to one place: keep the right one.`);
    expect(build.output).toContain(`${M}/redirects.yaml:10:36: the anchor redirect from /serum-markers/#interleukin-7 is listed twice (first at ${M}/redirects.yaml:9:5). Remove one.`);
  });

  it('site.json: an impossible date; the editors’ _headers: a header the site sets', () => {
    expect(build.output).toContain(`${M}/site.json:5:16: "published" "2026-02-30" is not a date of the calendar: write the day of publication as YYYY-MM-DD`);
    expect(build.output).toContain('tests/fixtures/headers/conflict._headers:3:3: sets "Content-Security-Policy", which the site itself sets in the dist/_headers it writes (src/lib/site/security.ts).');
    expect(build.output).toContain('tests/fixtures/headers/conflict._headers:5:3: removes "X-Content-Type-Options"');
  });
});

describe('after the build, redirects are checked against every page and id', () => {
  it('a redirect to a missing page, from a page that still exists, an anchor redirect to a missing id (chapter or not), on a missing page: all in one build', () => {
    const R = 'tests/fixtures/redirects/targets.yaml';
    const { status, output } = buildWith({ REDIRECTS: R });
    expect(status).not.toBe(0);
    expect(output).toContain(`${R}:4:32: the redirect from /old-markers/ leads to /serum-marker/, which is not a page of the site. Point it at the page where the content lives now (e.g. /serum-markers/).`);
    expect(output).toContain(`${R}:5:13: /conclusion/ is still a page of the site, so this redirect would never apply. Remove it, or remove the page first.`);
    expect(output).toContain(`${R}:7:55: the anchor redirect from /serum-markers/#interleukin-7 leads to #il-77, which /serum-markers/ does not have. Point it at an id the page has (dist/anchors.json lists them after a build).`);
    expect(output).toContain(`${R}:8:40: the anchor redirect from /about/#citing leads to #how-to-quote, which /about/ does not have.`);
    expect(output).toContain(`${R}:9:13: /no-such-page/ is not a page of the site, so this anchor redirect would never run. Name the page the old id was on.`);
  }, 240_000);
});

describe('YAML syntax errors name file, line and column', () => {
  it('factors.yaml, figures.yaml and redirects.yaml each name the place of their syntax error, in one build', () => {
    const { status, output } = buildWith({ FACTORS: `${S}/factors.yaml`, FIGURES: `${S}/figures.yaml`, REDIRECTS: `${S}/redirects.yaml` });
    expect(status).not.toBe(0);
    expect(output).toContain(`${S}/factors.yaml:5:12: the YAML does not parse: Nested mappings are not allowed in compact mappings. Check the indentation, the quoting and the brackets there (a value containing ": " or "#" needs quotes).`);
    expect(output).toContain(`${S}/figures.yaml:10:3: the YAML does not parse: Flow sequence in block collection must be sufficiently indented and end with a ].`);
    expect(output).toContain(`${S}/redirects.yaml:3:1: the YAML does not parse: Tabs are not allowed as indentation.`);
  }, 200_000);
});
