/**
 * Figures in Chromium, as a reader sees them: at 1280, 1024 and 390 px, every figure on every page
 * fits without sideways scrolling (page or figure), no text of a drawing overlaps another text or a
 * box it does not belong to (measured from the SVG text boxes), and labels are large enough. The
 * step-through works by keyboard, is a numbered list without JavaScript, and stays axe-clean in both
 * themes. Each drawing is in the page once: on a phone the narrow drawing is a file, shown as an image
 * without JavaScript and put inline with it. Downloads are 1,600 px PNGs and SVGs with the credit line,
 * and 16:9 slides (1920 × 1080, labels at least 24 px, a one-line credit, no caption).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { axeViolations, describeViolations } from '../helpers/axe.ts';
import { builtPages, attr } from '../helpers/dist.ts';
import { selectAll } from 'hast-util-select';

const site = inject('siteUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** Every built page that shows a figure. */
const figurePages = () => [...builtPages().values()].filter((p) => selectAll('figure.teaching-figure', p.tree).length > 0).map((p) => p.path);

interface FigureReport {
  id: string;
  pageOverflow: number;
  figureOverflow: number;
  overlaps: string[];
  smallest: number;
  visibleDrawings: number;
}

/** Measures every figure of the page (a string: vitest rewrites functions passed to evaluate). */
const MEASURE = `(() => {
  const root = document.documentElement;
  const pageOverflow = root.scrollWidth - root.clientWidth;
  return [...document.querySelectorAll('figure.teaching-figure')].map((fig) => {
    const boxes = [...fig.querySelectorAll('.fig-drawing, .fig-table-wrap')];
    const figureOverflow = Math.max(0, fig.scrollWidth - fig.clientWidth, ...boxes.map((b) => b.scrollWidth - b.clientWidth));
    const overlaps = [];
    let smallest = Infinity;
    let visibleDrawings = 0;
    for (const svg of fig.querySelectorAll('svg.fig-svg')) {
      const r = svg.getBoundingClientRect();
      if (r.width === 0) continue;
      visibleDrawings++;
      const fr = fig.getBoundingClientRect();
      if (r.right > fr.right + 0.5 || r.left < fr.left - 0.5) overlaps.push('drawing wider than its figure');
      const texts = [...svg.querySelectorAll('text')].map((t) => ({ t, box: t.getBoundingClientRect(), owner: t.closest('[data-node], .fig-label, .fig-band, .fig-group-heading') || t }));
      for (const { t } of texts) smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * (r.width / svg.viewBox.baseVal.width));
      const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
        if (texts[i].owner !== texts[j].owner && hit(texts[i].box, texts[j].box)) overlaps.push('text "' + texts[i].t.textContent + '" overlaps text "' + texts[j].t.textContent + '"');
      }
      const nodes = [...svg.querySelectorAll('[data-node] > rect')].map((n) => ({ n, box: n.getBoundingClientRect() }));
      for (const { t, box, owner } of texts) for (const { n, box: nb } of nodes) {
        if (n.parentElement !== owner && hit(box, nb)) overlaps.push('text "' + t.textContent + '" overlaps the box of ' + n.parentElement.getAttribute('data-node'));
      }
    }
    // A phone drawing still shown as an image (a page without the site's scripts, such as an embed):
    // its labels are LABEL_FONT (12) px at the width it was drawn for.
    for (const img of fig.querySelectorAll('img.fig-phone')) {
      const r = img.getBoundingClientRect();
      if (r.width === 0) continue;
      visibleDrawings++;
      smallest = Math.min(smallest, 12 * r.width / Number(img.getAttribute('width')));
    }
    return { id: fig.id, pageOverflow, figureOverflow, overlaps, smallest: smallest === Infinity ? 0 : smallest, visibleDrawings };
  });
})()`;

const measure = (page: Page) => page.evaluate(MEASURE) as Promise<FigureReport[]>;

describe('every figure fits and is legible where it is read', () => {
  for (const [width, minLabel] of [
    [1280, 12],
    [1024, 12],
    [390, 11],
  ] as const) {
    it(`at ${width} px no page or figure scrolls sideways, no label overlaps, and no label is smaller than ${minLabel} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const failures: string[] = [];
      const pages = figurePages();
      expect(pages).toEqual(expect.arrayContaining(['/factors/', '/osteoclast-factors/', '/bone-niche/', '/immune-regulation/', '/serum-markers/', '/factors/tumour-cell/', '/factors/osteoclast/']));
      for (const path of pages) {
        await page.goto(`${site}${path.replace(/^\//, '')}`);
        // On a narrow screen the phone drawings arrive as files and the site's scripts put them inline.
        const scripted = (await page.locator('script[src$="/page-site.js"], script[src$="/page-chapter.js"]').count()) > 0;
        if (width < 640 && scripted) await expect.poll(() => page.locator('img.fig-phone').count(), { message: `${path}: phone drawings inline`, timeout: 15_000 }).toBe(0);
        for (const f of await measure(page)) {
          const where = `${path}#${f.id} at ${width} px`;
          if (f.pageOverflow > 0) failures.push(`${where}: the page scrolls sideways by ${f.pageOverflow} px`);
          if (f.figureOverflow > 0) failures.push(`${where}: the figure scrolls sideways by ${f.figureOverflow} px`);
          for (const o of f.overlaps) failures.push(`${where}: ${o}`);
          if (f.visibleDrawings > 1) failures.push(`${where}: ${f.visibleDrawings} drawings shown at once`);
          if (f.visibleDrawings === 1 && f.smallest < minLabel - 0.01) failures.push(`${where}: smallest label ${f.smallest.toFixed(1)} px`);
        }
      }
      await page.close();
      expect(failures.join('\n')).toBe('');
    }, 300_000);
  }
});

describe('one drawing per figure in the page', () => {
  it('at 390 px without JavaScript the phone drawing shows as an image at its own size, with its text alternative, and the wide one is hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site}osteoclast-factors/`);
    const img = page.locator('#fig-vicious-cycle img.fig-phone');
    // A lazy image: it loads as it nears the screen.
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 15_000 }).toBe(356);
    const box = await img.boundingBox();
    // Drawn at 356 px, its 12 px labels stay 12 px.
    expect(box?.width).toBe(356);
    expect(await img.getAttribute('alt')).toMatch(/^Figure 2\. The vicious cycle/);
    expect(await page.locator('#fig-vicious-cycle svg.fig-wide').isVisible()).toBe(false);
    await context.close();
  });

  it('at 1280 px the phone drawing is never fetched', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`${site}osteoclast-factors/`, { waitUntil: 'networkidle' });
    expect(fetched.filter((u) => u.includes('/figures/phone/'))).toEqual([]);
    expect(await page.locator('#fig-vicious-cycle svg.fig-wide').isVisible()).toBe(true);
    await page.close();
  });

  it('at 390 px with JavaScript the phone drawing is inline: its boxes link to the atlas and the step-through lights its arrows', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${site}osteoclast-factors/`);
    const phone = page.locator('#fig-vicious-cycle svg.fig-narrow');
    await phone.waitFor();
    expect(await phone.isVisible()).toBe(true);
    expect(await phone.locator('a.fig-node[href="/factors/osteoclast/"]').count()).toBe(1);
    await page.click('#fig-vicious-cycle [data-step-action="start"]');
    await expect.poll(() => phone.locator('.fig-edge.is-current').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('step through the cycle', () => {
  const stepState = (page: Page) =>
    page.evaluate(`(() => {
      const fig = document.querySelector('#fig-vicious-cycle');
      const current = fig.querySelector('.fig-step-list li[aria-current="step"]');
      const items = [...fig.querySelectorAll('.fig-step-list li')];
      const lit = [...new Set([...fig.querySelectorAll('svg.fig-wide .fig-edge.is-current')].map((e) => e.getAttribute('data-pair')))].sort();
      return { index: items.indexOf(current), pairs: current ? current.dataset.pairs.split(' ').sort() : [], lit, status: fig.querySelector('.fig-step-status').textContent };
    })()`) as Promise<{ index: number; pairs: string[]; lit: string[]; status: string }>;

  it('the keyboard starts it, moves through the steps with the arrow keys, highlights that step’s arrows and announces its sentence', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site}osteoclast-factors/`);
    await page.focus('#fig-vicious-cycle [data-step-action="start"]');
    await page.keyboard.press('Enter');
    // The step-through loads on this first press.
    await expect.poll(async () => (await stepState(page)).index).toBe(0);
    let s = await stepState(page);
    expect(s.lit).toEqual(s.pairs);
    expect(s.status).toMatch(/^Step 1 of \d+: Cancer cells secrete/);
    await page.keyboard.press('ArrowRight');
    s = await stepState(page);
    expect(s.index).toBe(1);
    expect(s.lit).toEqual(s.pairs);
    await page.keyboard.press('Escape');
    s = await stepState(page);
    expect(s.index).toBe(-1);
    expect(s.lit).toEqual([]);
    await page.close();
  });

  it('without JavaScript the steps are a numbered list with citations, and no control is shown', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site}osteoclast-factors/`);
    const list = page.locator('#fig-vicious-cycle ol.fig-step-list > li');
    expect(await list.count()).toBeGreaterThanOrEqual(5);
    expect(await list.first().locator('.fig-citation a').count()).toBeGreaterThan(0);
    expect(await page.locator('#fig-vicious-cycle .fig-step-controls').isVisible()).toBe(false);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`with a step open, the chapter and /factors/ have no axe violation in the ${scheme} theme`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (const path of ['osteoclast-factors/', 'factors/']) {
        await page.goto(`${site}${path}`);
        await page.click('#fig-vicious-cycle [data-step-action="start"]');
        await page.click('#fig-vicious-cycle [data-step-action="next"]');
        const v = await axeViolations(page);
        expect(v, `${path}: ${describeViolations(v)}`).toEqual([]);
      }
      await context.close();
    });
  }
});

describe('figures as teaching assets', () => {
  it('every figure’s citations link to an entry of the page’s reference list or to the references page', async () => {
    for (const path of figurePages()) {
      const { tree } = builtPages().get(path) as { tree: import('hast').Root };
      const ids = new Set(selectAll('[id]', tree).map((e) => attr(e, 'id')));
      for (const a of selectAll('figure.teaching-figure .fig-citation a', tree)) {
        const href = attr(a, 'href');
        if (href.startsWith('#')) expect(ids.has(href.slice(1)), `${path}: ${href}`).toBe(true);
        else expect(href, path).toMatch(/^\/references\/#[a-z0-9]+$/);
      }
    }
  });

  it('each figure offers an SVG and a 1,600 px PNG, both with the site, the figure’s address and the review’s DOI', async () => {
    const figures = new Set(figurePages().flatMap((p) => selectAll('figure.teaching-figure[id^="fig-"]:not(#fig-neighbourhood)', builtPages().get(p)!.tree).map((f) => attr(f, 'id'))));
    expect([...figures].sort()).toEqual(['fig-bone-niche', 'fig-immune', 'fig-serum-markers', 'fig-vicious-cycle']);
    for (const id of figures) {
      const svg = await (await fetch(`${site}figures/${id}.svg`)).text();
      expect(svg, id).toContain('Lung cancer in bone');
      expect(svg, id).toMatch(new RegExp(`/[a-z-]+/#${id}`));
      expect(svg, id).toContain('10.5306/wjco.v5.i2.149');
      const png = new Uint8Array(await (await fetch(`${site}figures/${id}.png`)).arrayBuffer());
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join(''), id).toBe('PNG');
      const width = (png[16]! << 24) | (png[17]! << 16) | (png[18]! << 8) | png[19]!;
      expect(width, id).toBe(1600);
    }
  });

  /** Width and height from a PNG's header (the IHDR chunk). */
  const pngSize = (png: Uint8Array) => {
    const view = new DataView(png.buffer, png.byteOffset);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  };

  it('each chapter figure has a slide, linked "for slides": a 16:9 PNG of 1920 × 1080 with a one-line credit and no caption', async () => {
    for (const id of ['fig-bone-niche', 'fig-vicious-cycle', 'fig-immune', 'fig-serum-markers']) {
      const page = [...builtPages().values()].find((p) => selectAll(`figure#${id}`, p.tree).length && !p.path.startsWith('/factors/'));
      const links = selectAll(`figure#${id} .fig-downloads a`, page!.tree);
      const slide = links.find((a) => attr(a, 'href') === `/figures/${id}-slide.png`);
      expect(slide && (await import('hast-util-to-string')).toString(slide), id).toMatch(/for slides/);
      const png = new Uint8Array(await (await fetch(`${site}figures/${id}-slide.png`)).arrayBuffer());
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join(''), id).toBe('PNG');
      const { width, height } = pngSize(png);
      expect({ width, height }, id).toEqual({ width: 1920, height: 1080 });
      expect(width / height, id).toBeCloseTo(16 / 9, 3);
      const svg = await (await fetch(`${site}figures/${id}-slide.svg`)).text();
      const credit = [...svg.matchAll(/<text class="fig-slide-credit"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(credit, id).toHaveLength(1);
      expect(credit[0], id).toContain(`#${id}`);
      expect(credit[0], id).toContain('10.5306/wjco.v5.i2.149');
      expect(svg, `${id}: no caption on a slide`).not.toContain('class="fig-caption"');
    }
  });

  it('on a slide shown at 1920 × 1080 every label is at least 24 px, and the credit fits on the slide', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    for (const id of ['fig-bone-niche', 'fig-vicious-cycle', 'fig-immune', 'fig-serum-markers']) {
      await page.goto(`${site}figures/${id}-slide.svg`);
      const r = (await page.evaluate(`(() => {
        const texts = [...document.querySelectorAll('text')];
        const size = (t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
        const labels = texts.filter((t) => !t.classList.contains('fig-slide-credit'));
        const credit = document.querySelector('.fig-slide-credit').getBoundingClientRect();
        return { labels: labels.length, smallest: Math.min(...labels.map(size)), creditRight: credit.right, creditBottom: credit.bottom };
      })()`)) as { labels: number; smallest: number; creditRight: number; creditBottom: number };
      expect(r.labels, id).toBeGreaterThan(5);
      expect(r.smallest, id).toBeGreaterThanOrEqual(24);
      expect(r.creditRight, id).toBeLessThanOrEqual(1920);
      expect(r.creditBottom, id).toBeLessThanOrEqual(1080);
    }
    await page.close();
  });
});
