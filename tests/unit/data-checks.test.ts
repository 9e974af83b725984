/**
 * The content-data checks, each a pure function run on a small YAML (or JSON, or _headers) text:
 * every mistake an editor can make in a data file is reported with file, line, column and the fix,
 * and several mistakes of one file are reported together.
 */
import { graphFigureYaml } from '../helpers/figure-yaml.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readYaml, ContentDataError } from '../../src/lib/site/yaml-source.ts';
import { parseFactors, isCommonWord } from '../../src/lib/atlas/factors.ts';
import { parseFigures, layoutGeometryIssues } from '../../src/lib/figures/figure-spec.ts';
import { parseSynonyms } from '../../src/lib/search/synonyms-file.ts';
import { parseRedirects, anchorRedirectsFor } from '../../src/lib/links/redirects.ts';
import { parseSiteMeta, isCalendarDate } from '../../src/lib/site/site-meta.ts';
import { mergeHeadersFiles, editorHeadersIssues } from '../../src/lib/site/headers-merge.ts';
import { headersFile } from '../../src/lib/site/security.ts';
import { landing, movedLanding } from '../../src/lib/search/landing.ts';

/** The message a check throws, or '' when it does not throw. */
function thrown(run: () => unknown): string {
  try {
    run();
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe('one YAML reader with lines and columns', () => {
  it('names the line and column of a value, and of the deepest part of a path that exists', () => {
    const source = readYaml('- id: a\n  list:\n    - one\n    - two\n', 'f.yaml');
    expect(source.at([0, 'list', 1])).toBe('f.yaml:4:7');
    expect(source.at([0, 'id'])).toBe('f.yaml:1:7');
    expect(source.at([0, 'missing', 3])).toBe('f.yaml:1:3');
  });

  it('a syntax error names the file, line and column where the parser found it, and what to check', () => {
    const message = thrown(() => readYaml('- id: a\n  summary: IL-7: a cytokine\n', 'f.yaml'));
    expect(message).toBe(
      'f.yaml:2:12: the YAML does not parse: Nested mappings are not allowed in compact mappings. Check the indentation, the quoting and the brackets there (a value containing ": " or "#" needs quotes).',
    );
  });

  it('several issues are listed one per line, with their count at the end', () => {
    const error = new ContentDataError([
      { file: 'a.yaml', position: { line: 1, col: 2 }, message: 'first.' },
      { file: 'b.yaml', message: 'second.' },
    ]);
    expect(error.message).toBe('a.yaml:1:2: first.\nb.yaml: second.\n(2 mistakes in the content data: fix each, then build again.)');
  });
});

const factor = (id: string, extra = '', name = id.toUpperCase()) => `- id: ${id}
  name: ${name}
  kind: cytokine
  summary: A signal that tumour cells send to bone in this made-up example.
${extra}`;

describe('the factor data cannot contradict itself', () => {
  it('an expansion equal to another factor’s alias fails, naming both places (IL-6 expanded as "interleukin-7")', () => {
    const text = factor('il-7', '  aliases: [interleukin-7]\n', 'IL-7') + factor('il-6', '  expansion: interleukin-7\n', 'IL-6');
    expect(thrown(() => parseFactors(text, 'factors.yaml'))).toBe(
      'factors.yaml:10:14: factor "il-6": the expansion "interleukin-7" is also the alias of "il-7" at factors.yaml:5:13. ' +
        'Every name, expansion, alias and search alias must lead to one factor: correct the wrong one, or remove it from one of the two.',
    );
  });

  it('a search alias equal to another factor’s name fails too: all names are one namespace', () => {
    const text = factor('il-7') + factor('il-6', '  searchAliases: [il-7]\n');
    expect(thrown(() => parseFactors(text, 'factors.yaml'))).toMatch(/^factors\.yaml:9:19: factor "il-6": the search alias "il-7" is also the name of "il-7" at factors\.yaml:2:9\./);
  });

  it('a common word as a link alias fails with the fix; as a search alias or an all-capitals abbreviation it is fine', () => {
    const text = factor('bone-matrix', '  aliases: [bone, mineralised matrix]\n', 'bone matrix');
    expect(thrown(() => parseFactors(text, 'factors.yaml'))).toBe(
      'factors.yaml:5:13: factor "bone-matrix": the alias "bone" is a common word: as a link name it would turn every "bone" in the chapters into a link to this factor. ' +
        'Move it to "searchAliases" (searched, never linked), or write a more specific name such as "bone matrix".',
    );
    expect(thrown(() => parseFactors(factor('bone-matrix', '  searchAliases: [bone]\n', 'bone matrix'), 'factors.yaml'))).toBe('');
    expect(isCommonWord('NO')).toBe(false);
    expect(isCommonWord('Bone')).toBe(true);
    expect(isCommonWord('marrow')).toBe(false);
  });

  it('a citation written into a summary fails, as [@key] or as a reference number', () => {
    for (const cite of ['[@roodman2004]', '[12]', '[45–47]', '[3, 7]']) {
      const text = factor('il-7').replace('in this made-up example.', `in this made-up example ${cite}.`);
      expect(thrown(() => parseFactors(text, 'factors.yaml'))).toBe(
        `factors.yaml:4:12: factor "il-7": the summary contains the citation "${cite}", which a summary never renders as one. ` +
          'Write the summary without citations; the cited statement belongs in a chapter or in a relation\'s "cites".',
      );
    }
    expect(thrown(() => parseFactors(factor('il-7').replace('example.', 'example (IL-7).'), 'factors.yaml'))).toBe('');
  });

  const relation = (type: string, cites: string) => `    - { type: ${type}, target: rankl, cites: [${cites}], evidence: human-cell-lines, cancer: nsclc }\n`;

  it('the same relation listed twice fails, naming both entries', () => {
    const text = factor('il-7', `  relations:\n${relation('stimulates', 'a2001')}${relation('stimulates', 'b2002')}`) + factor('rankl');
    expect(thrown(() => parseFactors(text, 'factors.yaml'))).toBe(
      'factors.yaml:7:7: factor "il-7": relation "stimulates rankl" is listed twice (first at factors.yaml:6:7). Keep one, with all the keys in its "cites".',
    );
  });

  it('"stimulates" and "inhibits" between the same pair on the same key fail; on different keys they may stand', () => {
    const text = factor('il-7', `  relations:\n${relation('stimulates', 'a2001, b2002')}${relation('inhibits', 'b2002')}`) + factor('rankl');
    expect(thrown(() => parseFactors(text, 'factors.yaml'))).toBe(
      'factors.yaml:7:7: factor "il-7": relation "inhibits rankl" and "stimulates rankl" at factors.yaml:6:7 both cite "b2002": the same source cannot say both. ' +
        'Read the review\'s sentence for that key again and keep only the relation it states.',
    );
    const apart = factor('il-7', `  relations:\n${relation('stimulates', 'a2001')}${relation('inhibits', 'b2002')}`) + factor('rankl');
    expect(thrown(() => parseFactors(apart, 'factors.yaml'))).toBe('');
  });

  it('a summary over its length limit names the line and column of the summary', () => {
    const text = factor('il-7').replace('example.', `example. ${'More words. '.repeat(45)}`);
    expect(thrown(() => parseFactors(text, 'factors.yaml'))).toBe(
      'factors.yaml:4:12: factor "il-7", field "summary": keep the summary to one or two sentences, at most 500 characters.',
    );
  });

  it('several mistakes of the file are reported together, one per line', () => {
    const text = factor('il-7', '  aliases: [cells]\n').replace('example.', 'example [@x].') + factor('il-6', '  expansion: IL-7\n');
    const lines = thrown(() => parseFactors(text, 'factors.yaml')).split('\n');
    expect(lines.map((l) => l.split(': ')[0])).toEqual(['factors.yaml:5:13', 'factors.yaml:4:12', 'factors.yaml:10:14', '(3 mistakes in the content data']);
  });

  it('the real factor data passes every check', () => {
    expect(thrown(() => parseFactors(readFileSync('content/factors.yaml', 'utf8'), 'content/factors.yaml'))).toBe('');
  });
});

describe('figure geometry is checked in both layouts', () => {
  const check = { factorIds: new Set(['a', 'b']), citationKeys: new Set(['k1']), chapterIds: new Set(['ch']), factorNames: new Map([['a', 'Alpha'], ['b', 'Beta']]) };
  const figure = (wide: string, narrow: string) => graphFigureYaml({ wide, narrow });

  it('two nodes at the same position fail, naming the layout, the node, its line and column', () => {
    const text = figure('{ a: [100, 50], b: [100, 50] }', '{ a: [50, 50], b: [300, 50] }');
    expect(thrown(() => parseFigures(text, 'figures.yaml', check))).toBe(
      'figures.yaml:9:59: figure "fig-x": in the wide layout, node "b" is at [100, 50], the same position as node "a": one box would hide the other. Give it a position of its own.',
    );
  });

  it('a node outside the canvas (x 900 of 576) fails with the range its centre may take', () => {
    const text = figure('{ a: [100, 50], b: [900, 50] }', '{ a: [50, 50], b: [300, 50] }');
    expect(thrown(() => parseFigures(text, 'figures.yaml', check))).toBe(
      'figures.yaml:9:59: figure "fig-x": in the wide layout, node "b" at [900, 50] has a box of 47 × 28 px that reaches outside the 576 × 100 canvas. ' +
        'Move its centre to x between 24 and 552 and y between 14 and 86, or make the canvas larger.',
    );
  });

  it('boxes that overlap without sharing a centre fail in the narrow layout too, and a box partly off the edge is outside', () => {
    const issues = layoutGeometryIssues(['a', 'b'], { width: 356, height: 100, at: { a: [50, 50], b: [80, 55] }, wrap: {} }, (id) => (id === 'a' ? 'Alpha' : 'Beta'));
    expect(issues).toEqual([{ node: 'b', message: expect.stringMatching(/^the box of node "b" at \[80, 55\] overlaps the box of node "a" at \[50, 50\]\. Move one of them apart/) }]);
    const edge = layoutGeometryIssues(['a'], { width: 356, height: 100, at: { a: [10, 50] }, wrap: {} }, () => 'Alpha');
    expect(edge.map((i) => i.node)).toEqual(['a']);
  });

  it('boxes apart and inside the canvas pass', () => {
    expect(thrown(() => parseFigures(figure('{ a: [100, 50], b: [300, 50] }', '{ a: [50, 50], b: [300, 50] }'), 'figures.yaml', check))).toBe('');
  });
});

describe('search synonyms cannot join two factors', () => {
  const factors = [
    { id: 'il-7', name: 'IL-7', aliases: ['interleukin-7'] },
    { id: 'il-6', name: 'IL-6', aliases: ['interleukin-6'] },
  ];

  it('a "same" group joining IL-7 and IL-6 fails, naming the line and column of the second one and the fix', () => {
    expect(thrown(() => parseSynonyms('same:\n  - [IL-7, IL-6]\n', 'syn.yaml', factors))).toBe(
      'syn.yaml:2:12: this group joins "IL-7" (the factor "il-7") and "IL-6" (the factor "il-6"), so search would treat one as the other. ' +
        'A group holds words for one thing: split it, and give each factor its other names as "aliases" or "searchAliases" in content/factors.yaml.',
    );
  });

  it('a group of one factor’s names and plain words passes', () => {
    expect(thrown(() => parseSynonyms('same:\n  - [IL-7, interleukin-7, interleukin seven]\n', 'syn.yaml', factors))).toBe('');
  });
});

describe('redirects are checked against the site', () => {
  const targets = {
    pages: new Set(['/', '/serum-markers/', '/bone-niche/', '/about/']),
    anchors: new Map([['/serum-markers/', new Set(['il-7', 'key-points'])]]),
  };

  it('a redirect to a page that does not exist, from a page that still exists, and the same from twice each fail', () => {
    const text = 'pages:\n  - { from: /old/, to: /no-such-page/ }\n  - { from: /bone-niche/, to: /serum-markers/ }\n  - { from: /old/, to: /about/ }\n';
    expect(thrown(() => parseRedirects(text, 'redirects.yaml', targets)).split('\n')).toEqual([
      'redirects.yaml:2:24: the redirect from /old/ leads to /no-such-page/, which is not a page of the site. Point it at the page where the content lives now (e.g. /serum-markers/).',
      'redirects.yaml:3:13: /bone-niche/ is still a page of the site, so this redirect would never apply. Remove it, or remove the page first.',
      'redirects.yaml:4:13: /old/ already redirects to /no-such-page/ at redirects.yaml:2:5, and here to /about/. An old address leads to one place: keep the right one.',
      '(3 mistakes in the content data: fix each, then build again.)',
    ]);
  });

  it('an anchor redirect to an id the page does not have fails; to an id it has, it passes', () => {
    const bad = 'anchors:\n  - { page: /serum-markers/, from: interleukin-7, to: il-77 }\n';
    expect(thrown(() => parseRedirects(bad, 'redirects.yaml', targets))).toBe(
      'redirects.yaml:2:55: the anchor redirect from /serum-markers/#interleukin-7 leads to #il-77, which /serum-markers/ does not have. Point it at an id the page has (dist/anchors.json lists them after a build).',
    );
    expect(thrown(() => parseRedirects(bad.replace('il-77', 'il-7'), 'redirects.yaml', targets))).toBe('');
    const otherPage = 'anchors:\n  - { page: /serum-markers/, from: how, to: /nowhere/#how }\n';
    expect(thrown(() => parseRedirects(otherPage, 'redirects.yaml', targets))).toMatch(/^redirects\.yaml:2:45: the anchor redirect from \/serum-markers\/#how leads to the page \/nowhere\/, which is not a page of the site/);
  });

  it('the real redirects pass against the pages and chapter ids', () => {
    const pages = new Set([...targets.pages, '/search/', '/conclusion/', ...readFileSync('content/redirects.yaml', 'utf8').matchAll(/page: (\/[^,]+),/g)].map((m) => (typeof m === 'string' ? m : (m[1] as string))));
    expect(thrown(() => parseRedirects(readFileSync('content/redirects.yaml', 'utf8'), 'content/redirects.yaml', { pages }))).toBe('');
  });

  it('a section moved to a page of its own, without an id, redirects to that page under the base path', () => {
    const redirects = parseRedirects('anchors:\n  - { page: /conclusion/, from: guide, to: /about/ }\n', 'r.yaml');
    expect(anchorRedirectsFor('/conclusion/', redirects, '/review/')).toEqual({ guide: '/review/about/' });
  });
});

describe('anchor lookups read only declared entries', () => {
  const none = () => false;
  it('#constructor, #__proto__ and #toString are not redirects, whether the table is an object or a Map', () => {
    const table = JSON.parse('{"how-to-cite":"/about/#how-to-cite"}') as Record<string, string>;
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(landing(`#${id}`, none, table)).toBeNull();
      expect(landing(`#${id}`, none, new Map(Object.entries(table)))).toBeNull();
    }
    expect(landing('#how-to-cite', none, new Map(Object.entries(table)))).toEqual({ replace: '/about/#how-to-cite' });
  });

  it('a declared redirect from "constructor" still works, and a stray "%" does not throw', () => {
    expect(landing('#constructor', none, new Map([['constructor', '#builders']]))).toEqual({ replace: '#builders' });
    expect(landing('#50%', none, new Map())).toBeNull();
  });
});

describe('a moved page’s old address', () => {
  it('leads to the new page with the section asked for, or where an anchor redirect of the old page says', () => {
    const redirects = new Map([['old-id', '#new-id'], ['guide', '/review/about/#how-to-cite']]);
    expect(movedLanding('', '/review/bone-niche/', redirects)).toBe('/review/bone-niche/');
    expect(movedLanding('#dormancy', '/review/bone-niche/', redirects)).toBe('/review/bone-niche/#dormancy');
    expect(movedLanding('#old-id', '/review/bone-niche/', redirects)).toBe('/review/bone-niche/#new-id');
    expect(movedLanding('#guide', '/review/bone-niche/', redirects)).toBe('/review/about/#how-to-cite');
    expect(movedLanding('#constructor', '/review/bone-niche/', redirects)).toBe('/review/bone-niche/#constructor');
  });
});

describe('site.json', () => {
  const json = (published: string) => `{\n  "title": "Lung cancer in bone",\n  "tagline": "A reading guide for one review",\n  "editors": "The editors",\n  "published": "${published}",\n  "language": "en"\n}\n`;

  it('an impossible date (2026-02-30) fails, naming the line and column of the field and a date that exists', () => {
    expect(thrown(() => parseSiteMeta(json('2026-02-30'), 'content/site.json'))).toBe(
      'content/site.json:5:16: "published" "2026-02-30" is not a date of the calendar: write the day of publication as YYYY-MM-DD, a day that exists (2026-02-28, not 2026-02-30).',
    );
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('27/11/2026')).toBe(false);
    expect(thrown(() => parseSiteMeta(json('2026-11-27'), 'content/site.json'))).toBe('');
  });
});

describe('the editors’ own _headers', () => {
  const generated = headersFile('/');

  it('rules for other headers are kept, after the site’s, instead of being replaced', () => {
    const editor = '# Downloads open in the browser\n/files/*\n  X-Robots-Tag: noindex\n';
    const merged = mergeHeadersFiles(generated, editor, 'public/_headers');
    expect(merged.startsWith(generated.trimEnd())).toBe(true);
    expect(merged).toContain('# The editors\' own rules, from public/_headers:\n# Downloads open in the browser\n/files/*\n  X-Robots-Tag: noindex\n');
  });

  it('setting or removing a header the site sets fails, naming line, column and where the policy lives', () => {
    const editor = readFileSync('tests/fixtures/headers/conflict._headers', 'utf8');
    expect(editorHeadersIssues(editor, generated, 'public/_headers').map((i) => `${i.position?.line}:${i.position?.col} ${i.message.split(',')[0]}`)).toEqual([
      '3:3 sets "Content-Security-Policy"',
      '5:3 removes "X-Content-Type-Options"',
    ]);
    expect(thrown(() => mergeHeadersFiles(generated, editor, 'public/_headers'))).toMatch(
      /^public\/_headers:3:3: sets "Content-Security-Policy", which the site itself sets in the dist\/_headers it writes \(src\/lib\/site\/security\.ts\)\. .*remove this line, and change the policy in src\/lib\/site\/security\.ts if it must change\./,
    );
  });

  it('a header line before any path, or a line that is not a header, fails with the form to use', () => {
    expect(editorHeadersIssues('  X-Robots-Tag: noindex\n/files/*\n  just words\n', generated, 'h').map((i) => `${i.position?.line}:${i.position?.col} ${i.message}`)).toEqual([
      '1:3 a header line before any path: start the rule with the path it applies to, e.g. /files/*.',
      '3:3 "just words" is not a header: write "Name: value" (or "! Name" to remove one), indented under its path.',
    ]);
  });
});
