/**
 * The teaching kit in the built site: an embed page for every h2 of every chapter, bare and
 * framable while every other page is not, kept out of search and the sitemap; QR codes that
 * decode to the section's address; per-chapter reference exports; the handout's print addresses;
 * the about page; and the conclusion's old guide anchors redirected there.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import jsQR from 'jsqr';
import { attr, builtPage, builtPages, CHAPTER_SLUGS } from '../helpers/dist.ts';
import { headersForPath } from '../../src/lib/site/security.ts';
import { modulesOfSvg, rasterize, teachingUrl } from '../../src/lib/teaching/qr.ts';
import { readSiteEnv } from '../../src/lib/site/site-config.ts';

const env = readSiteEnv(process.env);
const base = env.BASE_PATH;
const h2Ids = (slug: string) => selectAll('.heading-wrap > h2[id]', builtPage(`/${slug}/`).tree).map((h) => attr(h, 'id'));
const sections = CHAPTER_SLUGS.flatMap((slug) => h2Ids(slug).map((id) => ({ slug, id })));
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe('embed pages', () => {
  it('every h2 of every chapter has an embed page, and there is none for anything else', () => {
    expect(sections.length).toBeGreaterThan(20);
    const embedPaths = [...builtPages().keys()].filter((p) => p.startsWith('/embed/')).sort();
    expect(embedPaths).toEqual(sections.map((s) => `/embed/${s.slug}/${s.id}/`).sort());
  });

  it('each holds its section under an h1, with no site header, navigation or search, and a canonical link to the section', () => {
    for (const { slug, id } of sections) {
      const { tree } = builtPage(`/embed/${slug}/${id}/`);
      const chapterHeading = select(`#${id}`, builtPage(`/${slug}/`).tree);
      expect(toString(select('h1', tree)!), id).toBe(toString(chapterHeading!));
      expect(selectAll('h1', tree)).toHaveLength(1);
      expect(select('.site-header, nav, input[type=search], .skip-link', tree), id).toBeUndefined();
      expect(attr(select('link[rel=canonical]', tree), 'href')).toBe(teachingUrl(env.SITE_URL, base, slug, id));
      expect(select('[data-pagefind-body]', tree), `${id} must stay out of the search index`).toBeUndefined();
    }
  });

  it('lists exactly the references its citations cover, the numbers inside a range such as "49–51" too, numbered as in the chapter', () => {
    const embedPages = [...builtPages().keys()].filter((p) => p.startsWith('/embed/'));
    expect(embedPages.length).toBe(sections.length);
    for (const { slug, id } of sections) {
      const { tree } = builtPage(`/embed/${slug}/${id}/`);
      const cited = new Set(selectAll('.citation', tree).flatMap((c) => attr(c, 'dataCites').split(' ').map((k) => `bib-${k}`)));
      // Every number a group shows or spans is a key of its data-cites (the previews read it).
      for (const c of selectAll('.citation', tree)) {
        const shown = toString(c).replace(/[()]/g, '').split(',').flatMap((run) => {
          const [a, b] = run.split('–').map(Number);
          return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
        });
        const listed = attr(c, 'dataCites').split(' ').map((k) => Number(attr(select(`.embed-references li#bib-${k}`, tree), 'value')));
        expect(listed, `${slug}#${id} ${toString(c)}`).toEqual(shown);
      }
      const listed = selectAll('.embed-references li', tree);
      expect(new Set(listed.map((li) => attr(li, 'id'))), `${slug}#${id}`).toEqual(cited);
      const inChapter = builtPage(`/${slug}/`).tree;
      for (const li of listed) expect(attr(li, 'value')).toBe(attr(select(`#references li#${attr(li, 'id')}`, inChapter), 'value'));
    }
  });

  it('each chapter hands its section tools a measured embed height for every h2 section (npm run embed:heights)', () => {
    for (const slug of CHAPTER_SLUGS) {
      const data = JSON.parse(toString(select('script#section-tools-data', builtPage(`/${slug}/`).tree)!)) as { embedHeights: Record<string, number> };
      expect(Object.keys(data.embedHeights).sort(), slug).toEqual(h2Ids(slug).sort());
      for (const h of Object.values(data.embedHeights)) expect(h).toBeGreaterThanOrEqual(400);
    }
  });

  it('ends with the site, the review and its DOI, and the full section opening in a new tab; the citation is there without JavaScript', () => {
    const { tree } = builtPage('/embed/serum-markers/il-7/');
    const footer = select('.embed-footer', tree)!;
    expect(toString(footer)).toContain('Lung cancer in bone');
    expect(selectAll('a', footer).map((a) => attr(a, 'href'))).toContain('https://doi.org/10.5306/wjco.v5.i2.149');
    const full = select('a.embed-full', footer)!;
    expect(attr(full, 'href')).toBe(`${base}serum-markers/#il-7`);
    expect(attr(full, 'target')).toBe('_blank');
    for (const format of ['vancouver', 'apa', 'bibtex']) {
      const text = toString(select(`pre#cite-section-${format}`, tree)!);
      expect(text, format).toContain('IL-7 as a candidate marker');
      expect(text, format).toContain(teachingUrl(env.SITE_URL, base, 'serum-markers', 'il-7'));
      expect(text, format).toContain('10.5306/wjco.v5.i2.149');
    }
  });

  it('are left out of the search index', () => {
    const urls = readdirSync('dist/pagefind/fragment').map((f) => JSON.parse(gunzipSync(readFileSync(`dist/pagefind/fragment/${f}`)).toString('utf8').replace(/^[^{]*/, '')).url as string);
    expect(urls).toContain(`${base}serum-markers/`);
    expect(urls.filter((u) => u.includes('/embed/'))).toEqual([]);
  });

  it('are left out of the sitemap, which lists the about page', () => {
    const sitemap = readFileSync('dist/sitemap.xml', 'utf8');
    expect(sitemap).not.toContain('/embed/');
    expect(sitemap).toContain(`${new URL(`${base}about/`, env.SITE_URL).href}</loc>`);
  });
});

describe('citation groups', () => {
  it('every citation group on every page reads "(62,63)", "(45–47)" or "(42,52,53)": no space before a comma or inside the brackets', () => {
    let groups = 0;
    for (const page of builtPages().values()) {
      for (const c of selectAll('.citation', page.tree)) {
        groups += 1;
        expect(toString(c), page.path).toMatch(/^\((\d+)([,–]\d+)*\)$/);
      }
      for (const c of selectAll('.fig-citation', page.tree)) {
        groups += 1;
        expect(toString(c), page.path).toMatch(/^\(\d+(, \d+)*\)$/);
      }
    }
    expect(groups).toBeGreaterThan(500);
  });
});

describe('the site header', () => {
  it('names its three links in one capitalisation: "Chapters", "Factor atlas" (on a phone "Atlas"), "References"', () => {
    const nav = select('.site-nav', builtPage('/').tree)!;
    expect(selectAll('a', nav).map((a) => toString(a))).toEqual(['Chapters', 'Factor atlas', 'References']);
    // On a phone "Factor " is visually hidden and the "a" shown as a capital.
    expect(toString(select('.nav-initial', nav)!)).toBe('a');
    const css = readdirSync('dist/_astro').filter((f) => f.endsWith('.css')).map((f) => readFileSync(`dist/_astro/${f}`, 'utf8')).join('\n');
    expect(css).toMatch(/@media[^{]*40rem[^{]*\{[^@]*\.site-nav \.nav-initial\{text-transform:uppercase\}/);
  });
});

describe('framing', () => {
  const headers = readFileSync('dist/_headers', 'utf8');
  it('every page loads the framing guard (in theme-init.js) as the first script of its head, from a file the CSP allows; the guard leaves pages marked as embed pages alone', () => {
    const guard = `${base}theme-init.js`;
    const code = readFileSync('dist/theme-init.js', 'utf8');
    expect(code).toContain("classList.contains('embed-page')");
    expect(code).toContain('framed-notice');
    let embeds = 0;
    let others = 0;
    for (const page of builtPages().values()) {
      const head = select('head', page.tree);
      if (!head || !select('meta[http-equiv="content-security-policy"]', head)) continue; // redirect stubs
      expect(attr(select('script', head), 'src'), page.path).toBe(guard);
      const isEmbed = attr(select('html', page.tree), 'className').includes('embed-page');
      expect(isEmbed, page.path).toBe(page.path.startsWith('/embed/'));
      if (isEmbed) embeds += 1;
      else others += 1;
    }
    expect(embeds).toBe(sections.length);
    expect(others).toBeGreaterThan(50);
  });

  it('_headers lets any site frame the embed pages, and no site frame any other page', () => {
    const embed = headersForPath(headers, `${base}embed/serum-markers/il-7/`)['content-security-policy'] ?? '';
    expect(directive(embed, 'frame-ancestors')).toBe('frame-ancestors *');
    expect(embed).not.toContain("'none', ");
    expect(directive(embed, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    for (const path of [`${base}`, `${base}serum-markers/`, `${base}about/`, `${base}references/`, `${base}qr/serum-markers.svg`]) {
      expect(directive(headersForPath(headers, path)['content-security-policy'] ?? '', 'frame-ancestors'), path).toBe("frame-ancestors 'none'");
    }
  });

  it('the embed pages\' meta policy carries no frame-ancestors to contradict the header, and is otherwise the same policy', () => {
    const embedHeader = headersForPath(headers, `${base}embed/bone-niche/dormancy/`)['content-security-policy'] ?? '';
    for (const { slug, id } of sections) {
      const meta = attr(select('meta[http-equiv="content-security-policy"]', builtPage(`/embed/${slug}/${id}/`).tree), 'content');
      expect(directive(meta, 'frame-ancestors')).toBeUndefined();
      expect(meta).toBe(embedHeader.replace(/; frame-ancestors \*$/, ''));
    }
  });
});

describe('QR codes', () => {
  const decode = (file: string) => {
    const bitmap = rasterize(modulesOfSvg(readFileSync(file, 'utf8')));
    return jsQR(bitmap.data, bitmap.width, bitmap.height)?.data;
  };
  it('each chapter\'s QR code decodes to the chapter\'s absolute address', () => {
    for (const slug of CHAPTER_SLUGS) expect(decode(`dist/qr/${slug}.svg`), slug).toBe(teachingUrl(env.SITE_URL, base, slug));
  });
  it('each section\'s QR code decodes to the section\'s absolute address', () => {
    for (const { slug, id } of sections) expect(decode(`dist/qr/${slug}/${id}.svg`), `${slug}#${id}`).toBe(teachingUrl(env.SITE_URL, base, slug, id));
  });
});

describe('handouts and reading lists', () => {
  it('each chapter shows its QR code and address for print, and each h2 its short address', () => {
    for (const slug of CHAPTER_SLUGS) {
      const { tree } = builtPage(`/${slug}/`);
      const handout = select('.print-handout', tree)!;
      expect(attr(select('img.print-qr', handout), 'src')).toBe(`${base}qr/${slug}.svg`);
      expect(toString(handout)).toContain(teachingUrl(env.SITE_URL, base, slug));
      expect(toString(handout)).toContain('doi:10.5306/wjco.v5.i2.149');
      for (const id of h2Ids(slug)) expect(toString(select(`.heading-wrap:has(> #${id}) .section-address`, tree)!)).toBe(`…/${slug}/#${id}`);
    }
  });

  it('each chapter\'s reference exports hold the review and exactly the entries the chapter lists', () => {
    for (const slug of CHAPTER_SLUGS) {
      const { tree } = builtPage(`/${slug}/`);
      const items = selectAll('#references .reference-list > li', tree);
      const keys = items.map((li) => attr(li, 'id').replace(/^bib-/, ''));
      const identified = items.filter((li) => attr(li, 'dataConfidence') !== 'unidentified').map((li) => attr(li, 'id').replace(/^bib-/, ''));
      const bib = readFileSync(`dist/${slug}/references.bib`, 'utf8');
      const bibKeys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]!);
      // The review first; then the chapter's entries (an export may leave out unidentified placeholders).
      expect(bibKeys[0], slug).toBe('roato2014review');
      expect(bibKeys.slice(1).every((k) => keys.includes(k)), `${slug}: ${bibKeys.join(', ')}`).toBe(true);
      expect(identified.every((k) => bibKeys.includes(k)), `${slug} exports every identified entry`).toBe(true);
      const ris = readFileSync(`dist/${slug}/references.ris`, 'utf8');
      expect(ris.match(/^TY {2}- /gm)?.length, slug).toBe(bibKeys.length);
      if (keys.length) {
        const links = selectAll('.reference-exports a', tree).map((a) => attr(a, 'href'));
        expect(links).toEqual([`${base}${slug}/references.bib`, `${base}${slug}/references.ris`]);
      }
    }
  });
});

describe('the about page', () => {
  it('names the review and its DOI, licenses the site\'s own text and figures CC BY 4.0, and links to the one explanation of confidence', () => {
    const { tree } = builtPage('/about/');
    const hrefs = selectAll('a', select('main', tree)!).map((a) => attr(a, 'href'));
    expect(hrefs).toContain('https://doi.org/10.5306/wjco.v5.i2.149');
    expect(hrefs).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(hrefs).toContain(`${base}references/#identification`);
    expect(toString(select('#licence ~ p', tree)!)).toMatch(/own text and figures.*licensed under.*CC BY 4\.0/s);
  });

  it('every page\'s footer links to it', () => {
    for (const page of builtPages().values()) {
      if (page.path.startsWith('/embed/')) continue;
      expect(selectAll('.site-footer a', page.tree).map((a) => attr(a, 'href')), page.path).toContain(`${base}about/`);
    }
  });

  it('the conclusion\'s old guide anchors lead to the about page', () => {
    const data = JSON.parse(toString(select('script#anchor-redirects', builtPage('/conclusion/').tree)!)) as Record<string, string>;
    for (const id of ['how-to-search', 'how-to-cite', 'how-to-link', 'how-references-were-identified']) {
      expect(data[id]).toBe(`${base}about/#${id}`);
      expect(select(`#${id}`, builtPage('/about/').tree), id).toBeDefined();
    }
    expect(existsSync('dist/about/index.html')).toBe(true);
  });
});
