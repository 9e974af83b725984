/**
 * <site-search>: the search page. Runs the query from ?q= (and as the reader types) through
 * Pagefind's JavaScript API, factor-aware:
 * - a query that names a factor by any alias shows that factor's card first;
 * - the Pagefind query is widened to the factor's name and spelled-out name;
 * - pages where the exact name is marked rank before pages that only match a longer name
 *   (IL-1 before IL-11).
 * Results keep section sub-results (deep links), can be filtered by chapter, are reached with the
 * arrow keys and announced in a live region. Everything from the URL is treated as text.
 */
import { factorKeyIndex, factorsNamedBy, isExactName, widenedQueries, type FactorKeyIndex, type SearchFactor } from '../lib/search/search-terms.ts';

interface PagefindSubResult { title: string; url: string; excerpt: string }
interface PagefindResultData { url: string; meta: { title?: string }; excerpt: string; sub_results: PagefindSubResult[]; filters?: Record<string, string[]> }
interface PagefindResult { id: string; score: number; data(): Promise<PagefindResultData> }
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init?(): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const MAX_PAGES = 10;
const MAX_SECTIONS = 3;

function decodeEntities(html: string): string {
  const area = document.createElement('textarea');
  area.innerHTML = html;
  return area.value;
}

/** Pagefind marks matches with <mark>; rebuild the excerpt as text plus marks, nothing else. */
function excerptNode(excerpt: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'result-excerpt';
  for (const part of excerpt.split(/(<mark>.*?<\/mark>)/)) {
    const m = /^<mark>(.*)<\/mark>$/.exec(part);
    const text = decodeEntities((m ? m[1] : part) ?? '');
    if (m) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      p.append(mark);
    } else p.append(text);
  }
  return p;
}

const marksOf = (excerpt: string) => [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => decodeEntities(m[1] ?? ''));
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
};

class SiteSearch extends HTMLElement {
  #api: Promise<PagefindApi> | undefined;
  #factors: Promise<{ list: SearchFactor[]; index: FactorKeyIndex }> | undefined;
  #chapter = '';
  #timer = 0;
  #run = 0;

  get #base(): string {
    return this.dataset['base'] ?? '/';
  }

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[name=q]');
    const params = new URLSearchParams(location.search);
    this.#chapter = params.get('chapter') ?? '';
    if (input) input.value = params.get('q') ?? '';
    form?.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run(input?.value ?? '');
    });
    input?.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => void this.run(input.value), 120);
    });
    this.addEventListener('keydown', (e) => this.#onKey(e));
    // This page exists to search: load the engine and the factor names as it opens, as Pagefind's
    // own UI does, so the first query waits for nothing but its own results.
    void this.#pagefind().then((api) => api.init?.());
    void this.#factorIndex();
    void this.run(input?.value ?? '');
  }

  #pagefind(): Promise<PagefindApi> {
    this.#api ??= (import(/* @vite-ignore */ `${this.#base}pagefind/pagefind.js`) as Promise<PagefindApi>).then(async (api) => {
      // Result URLs are site paths: under a sub-path they need the base; ?highlight= marks the words on arrival.
      await api.options({ baseUrl: this.#base, highlightParam: 'highlight', ranking: { pageLength: 0.35, termFrequency: 0.8 } });
      return api;
    });
    return this.#api;
  }

  #factorIndex(): Promise<{ list: SearchFactor[]; index: FactorKeyIndex }> {
    this.#factors ??= fetch(`${this.#base}search-factors.json`)
      .then((r) => r.json() as Promise<SearchFactor[]>)
      .then((list) => ({ list, index: factorKeyIndex(list) }));
    return this.#factors;
  }

  #syncUrl(query: string): void {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (this.#chapter) params.set('chapter', this.#chapter);
    const search = params.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }

  async run(raw: string): Promise<void> {
    const query = raw.trim();
    const run = ++this.#run;
    const status = this.querySelector<HTMLElement>('.search-status');
    const out = this.querySelector<HTMLElement>('.search-output');
    if (!status || !out) return;
    this.#syncUrl(query);
    if (!query) {
      out.replaceChildren();
      status.textContent = '';
      return;
    }
    const [pagefind, { index }] = await Promise.all([this.#pagefind(), this.#factorIndex()]);
    const named = factorsNamedBy(query, index);
    const filters: Record<string, string[]> = this.#chapter ? { chapter: [this.#chapter] } : {};

    // Every widened query; a page keeps its best score and the sections found by any of them.
    // Pagefind builds a result's sections from the latest search, so each query's results are read
    // before the next query runs.
    const hits = new Map<string, { score: number; data: PagefindResultData[] }>();
    for (const q of widenedQueries(query, named)) {
      const { results } = await pagefind.search(q, { filters });
      const top = results.slice(0, MAX_PAGES * 2);
      const data = await Promise.all(top.map((r) => r.data()));
      top.forEach((r, i) => {
        const hit = hits.get(r.id) ?? { score: 0, data: [] };
        hit.score = Math.max(hit.score, r.score);
        hit.data.push(data[i] as PagefindResultData);
        hits.set(r.id, hit);
      });
    }
    const pages = [...hits.values()]
      .sort((a, b) => b.score - a.score)
      .map(({ data }) => {
        const seen = new Set<string>();
        const anchor = (url: string) => url.split('#')[1] ?? '';
        const sub_results = data.flatMap((d) => d.sub_results).filter((sr) => !seen.has(anchor(sr.url)) && seen.add(anchor(sr.url)));
        return { ...(data[0] as PagefindResultData), sub_results };
      });
    if (run !== this.#run) return; // a newer query is on its way

    const exact = (excerpt: string) => named.length === 0 || marksOf(excerpt).some((m) => named.some((f) => isExactName(m, f)));
    const scored = pages.map((page, i) => {
      const sections = page.sub_results;
      const exactSections = sections.filter((s) => exact(s.excerpt));
      return { page, i, exact: exact(page.excerpt) || exactSections.length > 0, sections: exactSections.length ? exactSections : sections };
    });
    scored.sort((a, b) => Number(b.exact) - Number(a.exact) || a.i - b.i);
    const shown = scored;

    out.replaceChildren(this.#cards(named), await this.#filterBar(pagefind), this.#list(shown.slice(0, MAX_PAGES)));
    const n = shown.length;
    status.textContent =
      (named.length ? `${named.map((f) => f.name).join(', ')}: factor page first. ` : '') +
      (n ? `${n} page${n === 1 ? '' : 's'} found for “${query}”${this.#chapter ? ` in ${this.#chapter}` : ''}.` : `Nothing found for “${query}”${this.#chapter ? ` in ${this.#chapter}` : ''}.`);
  }

  #cards(named: SearchFactor[]): HTMLElement {
    const list = el('ul', 'factor-cards');
    for (const f of named) {
      const item = el('li', 'factor-card');
      const link = el('a', 'result-link', f.expansion ? `${f.name} (${f.expansion})` : f.name);
      link.href = `${this.#base}factors/${f.id}/`;
      item.append(link, el('p', 'factor-card-summary', f.summary));
      list.append(item);
    }
    list.hidden = named.length === 0;
    return list;
  }

  async #filterBar(pagefind: PagefindApi): Promise<HTMLElement> {
    const order = (this.dataset['chapters'] ?? '').split('|');
    const chapters = Object.keys((await pagefind.filters())['chapter'] ?? {}).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const bar = el('div', 'search-filter');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Filter by chapter');
    for (const name of ['', ...chapters]) {
      const button = el('button', 'filter-button', name || 'All chapters');
      button.type = 'button';
      button.setAttribute('aria-pressed', String(name === this.#chapter));
      button.addEventListener('click', () => {
        this.#chapter = name;
        void this.run(this.querySelector<HTMLInputElement>('input[name=q]')?.value ?? '');
      });
      bar.append(button);
    }
    return bar;
  }

  #list(items: { page: PagefindResultData; sections: PagefindSubResult[] }[]): HTMLElement {
    const list = el('ol', 'search-results');
    for (const { page, sections } of items) {
      const item = el('li');
      const title = el('a', 'result-link result-title', page.meta.title ?? page.url);
      title.href = page.url;
      item.append(title);
      const subs = el('ul', 'sub-results');
      for (const s of sections.slice(0, MAX_SECTIONS)) {
        const sub = el('li');
        const link = el('a', 'result-link', s.title);
        link.href = s.url;
        sub.append(link, excerptNode(s.excerpt));
        subs.append(sub);
      }
      if (sections.length) item.append(subs);
      else item.append(excerptNode(page.excerpt));
      list.append(item);
    }
    return list;
  }

  /** Arrow keys move between the input and the result links. */
  #onKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...this.querySelectorAll<HTMLElement>('input[name=q], .result-link')];
    const at = links.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next = links[Math.max(0, Math.min(links.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }
}

customElements.define('site-search', SiteSearch);
