/**
 * <site-search>: the search page. Runs the query from ?q= (and as the reader types) through
 * Pagefind's JavaScript API, and forgives typos, other words, questions and any spelling of a
 * factor's name, and finds references by author, title word, journal or year. What the query is
 * searched as (lib/search/plan.ts) and the order of the results (lib/search/rank.ts) are plain
 * functions with unit tests; this element keeps the DOM and the Pagefind calls.
 *
 * Nothing is loaded until the first query (or the first focus of the box): then the engine with
 * the chapter index, the factor names and the synonyms. The rest loads only when a query needs it:
 * - the typo vocabulary, when a word of the query has no hit in the chapters;
 * - the references' index, merged into the same engine (Pagefind's mergeIndex), when the query
 *   looks like a reference (a word only the references have, such as an author or a journal
 *   word, or a year) or when the chapters have nothing for it.
 * When the index cannot load, the page says so, offers a retry, and still shows the factor card.
 * Everything from the URL is treated as text.
 */
import { factorKeyIndex, type FactorKeyIndex, type SearchFactor } from '../lib/search/search-terms.ts';
import { decodeVocabulary, type Correction, type Vocabulary } from '../lib/search/typos.ts';
import type { SynonymTable } from '../lib/search/synonyms.ts';
import { decodeCitedIn } from '../lib/search/cited-in.ts';
import { mentionsYear, planQuery, referencePlan, wordsToCheck, type QueryPlan } from '../lib/search/plan.ts';
import { decodeEntities, foundWord, PageHits, rankPages, statusText, type Found, type ResultData, type SubResult } from '../lib/search/rank.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
type Filters = Record<string, string | string[] | { any: string[] }>;
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init?(): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Filters }): Promise<{ results: PagefindResult[] }>;
}
interface SearchData {
  factors: SearchFactor[];
  index: FactorKeyIndex;
  synonyms: SynonymTable;
}

const MAX_PAGES = 10;
const MAX_SECTIONS = 3;
const MAX_REFERENCES = 5;
/** The filter the references index is merged under, so chapter and reference searches stay apart. */
const REFERENCE_FILTER = { kind: 'reference' };

/** Pagefind marks matches with <mark>; rebuild the excerpt as text plus marks, nothing else. */
function excerptNode(excerpt: string): HTMLParagraphElement {
  const p = el('p', 'result-excerpt');
  for (const part of excerpt.split(/(<mark>.*?<\/mark>)/)) {
    const m = /^<mark>(.*)<\/mark>$/.exec(part);
    const text = decodeEntities((m ? m[1] : part) ?? '');
    if (m) p.append(el('mark', undefined, text));
    else p.append(text);
  }
  return p;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A promise made once and made again after a failure (a retry loads it again). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () =>
    (p ??= make().catch((e: unknown) => {
      p = undefined;
      throw e;
    }));
}

class SiteSearch extends HTMLElement {
  #chapter = '';
  #timer = 0;
  #run = 0;
  #merged = false;

  get #base(): string {
    return this.dataset['base'] ?? '/';
  }

  get #input(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('input[name=q]');
  }

  /** The chapter filter's values, in reading order. */
  get #chapters(): string[] {
    return (this.dataset['chapters'] ?? '').split('|').filter(Boolean);
  }

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.#input;
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
    // A reader about to type: start loading what every query needs, without waiting for a keystroke.
    input?.addEventListener('focus', () => this.#warmUp(), { once: true });
    this.addEventListener('keydown', (e) => this.#onKey(e));
    this.addEventListener('click', (e) => {
      const target = e.target as HTMLElement;
      if (target.closest('.search-retry')) void this.run(input?.value ?? '');
      const instead = target.closest<HTMLAnchorElement>('a.search-instead');
      if (instead) {
        e.preventDefault();
        void this.run(instead.dataset['query'] ?? '', { exact: true });
      }
    });
    void this.run(input?.value ?? '', { exact: params.get('exact') === '1' });
  }

  #warmUp(): void {
    this.#searchData().catch(() => undefined);
    this.#pagefind()
      .then((api) => api.init?.())
      .catch(() => undefined);
  }

  /** Result URLs are site paths: under a sub-path they need the base; ?highlight= marks the words on arrival. */
  get #options(): Record<string, unknown> {
    return { baseUrl: this.#base, highlightParam: 'highlight', ranking: { pageLength: 0.35, termFrequency: 0.8 } };
  }

  #pagefind = once(() =>
    (import(/* @vite-ignore */ `${this.#base}pagefind/pagefind.js`) as Promise<PagefindApi>).then(async (api) => {
      await api.options(this.#options);
      return api;
    }),
  );

  /** The references' index, merged into the same engine the first time a query needs it. */
  #references = once(async () => {
    const api = await this.#pagefind();
    // Its records' URLs carry the base path already (/review/references/#key): no base to add.
    await api.mergeIndex(`${this.#base}pagefind-references/`, { ...this.#options, baseUrl: '/', mergeFilter: REFERENCE_FILTER });
    this.#merged = true;
    return api;
  });

  #get(file: string): Promise<Response> {
    return fetch(`${this.#base}${file}`).then((r) => {
      if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
      return r;
    });
  }

  /** Factor names and synonyms: small files of the site itself, loaded once, with the engine. */
  #searchData = once(() =>
    Promise.all([
      // Without summaries: a card's summary loads only for the factors a query names.
      this.#get('search-factors.json').then(async (r) => ((await r.json()) as Omit<SearchFactor, 'summary'>[]).map((f): SearchFactor => ({ ...f, summary: '' }))),
      this.#get('search-synonyms.json')
        .then((r) => r.json() as Promise<SynonymTable>)
        .catch((): SynonymTable => ({ same: [], also: [], spellings: [] })),
    ]).then(([factors, synonyms]): SearchData => ({ factors, index: factorKeyIndex(factors), synonyms })),
  );

  #summaries = new Map<string, Promise<void>>();

  /** Loads the one-line summary of each factor in `named` onto it (once; a failure leaves the card without it). */
  #withSummaries(named: readonly SearchFactor[]): Promise<void> {
    return Promise.all(
      named.map((f) => {
        let p = this.#summaries.get(f.id);
        if (!p) {
          p = this.#get(`search-summary-${encodeURIComponent(f.id)}.json`)
            .then((r) => r.json() as Promise<{ summary: string }>)
            .then((d) => void (f.summary = d.summary))
            .catch(() => void this.#summaries.delete(f.id));
          this.#summaries.set(f.id, p);
        }
        return p;
      }),
    ).then(() => undefined);
  }

  /** The typo vocabulary, which also says which words only the references have: loaded when a query needs it. */
  #vocabulary = once(() =>
    this.#get('search-vocabulary.txt')
      .then((r) => r.text())
      .then(decodeVocabulary),
  );

  /** Chapter pages only (once the references are merged), of one chapter when the reader chose one. */
  #pageFilters(chapter = this.#chapter): Filters {
    if (chapter) return { chapter: [chapter] };
    return this.#merged ? { chapter: { any: this.#chapters } } : {};
  }

  /** Pagefind's results for `query`, the first `max` with their data. */
  async #found(pagefind: PagefindApi, query: string, filters: Filters, max: number): Promise<Found[]> {
    const { results } = await pagefind.search(query, { filters });
    const top = results.slice(0, max);
    const data = await Promise.all(top.map((r) => r.data()));
    return top.map((r, i) => ({ id: r.id, score: r.score, data: data[i] as ResultData }));
  }

  #syncUrl(query: string, exact: boolean): void {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (exact) params.set('exact', '1');
    if (this.#chapter) params.set('chapter', this.#chapter);
    const search = params.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }

  async run(raw: string, { exact = false } = {}): Promise<void> {
    const typed = raw.trim();
    const run = ++this.#run;
    const status = this.querySelector<HTMLElement>('.search-status');
    const out = this.querySelector<HTMLElement>('.search-output');
    if (!status || !out) return;
    const input = this.#input;
    if (input && input.value.trim() !== typed) input.value = typed;
    this.#syncUrl(typed, exact);
    if (!typed) {
      out.replaceChildren();
      status.textContent = '';
      return;
    }
    const [data, pagefind] = await Promise.all([this.#searchData().catch(() => null), this.#pagefind().catch(() => null)]);
    if (run !== this.#run) return;
    if (!pagefind) {
      const { named } = planQuery(typed, data, { exact });
      await this.#withSummaries(named);
      if (run === this.#run) this.#unavailable(out, status, typed, named);
      return;
    }

    let plan: QueryPlan;
    let vocabulary: Vocabulary | undefined;
    const hits = new PageHits();
    let summaries: Promise<void> = Promise.resolve();
    const vocabularyNow = () => this.#vocabulary().catch((): Vocabulary => new Map()); // no corrections, but still a search
    try {
      // A word with no hit in the chapters is a typo, or a word only the references have: only
      // then is the vocabulary needed.
      if (data) {
        const hit = async (w: string) => {
          const [top] = await this.#found(pagefind, w, this.#pageFilters(''), 1);
          return top !== undefined && foundWord(w, [top.data.excerpt, ...top.data.sub_results.map((s) => s.excerpt)]);
        };
        // One search at a time: Pagefind builds a result's excerpts from the latest search.
        for (const w of wordsToCheck(typed, data.index)) {
          if (await hit(w)) continue;
          vocabulary = await vocabularyNow();
          break;
        }
      }
      plan = planQuery(typed, data && { ...data, vocabulary }, { exact });
      summaries = this.#withSummaries(plan.named);
      // Every pass; a page keeps its best score and the sections found by any of them. Pagefind
      // builds a result's sections from the latest search, so each pass is read before the next.
      const filters = this.#pageFilters();
      for (const pass of plan.passes) hits.add(await this.#found(pagefind, pass.query, filters, MAX_PAGES * 2), pass.matched);
      // No page has every word: look for each word alone, and rank pages by how many they have.
      if (hits.size === 0 && plan.fallback.length) {
        for (const w of plan.fallback) hits.add(await this.#found(pagefind, w, filters, MAX_PAGES * 2), 0);
        hits.countWords(plan.words);
      }
    } catch {
      const { named } = planQuery(typed, data, { exact });
      await this.#withSummaries(named);
      if (run === this.#run) this.#unavailable(out, status, typed, named);
      return;
    }
    if (run !== this.#run) return;

    // References: when the query looks like one (a word the chapters lack, a year) or the chapters have nothing.
    let references: ResultData[] = [];
    let authorLike = false;
    if (!this.#chapter && (vocabulary || mentionsYear(plan) || hits.size === 0)) {
      vocabulary ??= await vocabularyNow();
      const refPlan = referencePlan(plan, vocabulary);
      authorLike = refPlan.authorLike;
      try {
        if (refPlan.queries.length) {
          const refs = await this.#references();
          for (const q of refPlan.queries) {
            const { results } = await refs.search(q, { filters: REFERENCE_FILTER });
            if (!results.length) continue;
            references = await Promise.all(results.slice(0, MAX_REFERENCES).map((r) => r.data()));
            break;
          }
        }
      } catch {
        references = []; // the chapter results still stand
      }
      if (run !== this.#run) return;
    }

    await summaries;
    if (run !== this.#run) return;
    const ranked = rankPages(hits.values(), plan);
    // The factor cards come first when the query is nothing but factor names; otherwise the best
    // section answers first ("serum IL-7": the section on serum levels; a question) and the cards follow it.
    const shown = ranked.slice(0, MAX_PAGES).map((r) => ({ page: r.page.data, sections: r.sections }));
    const chapterParts =
      plan.cardsFirst || !shown.length
        ? [this.#cards(plan.named), this.#filterBar(), this.#list(shown)]
        : [this.#filterBar(), this.#list(shown.slice(0, 1)), this.#cards(plan.named), this.#list(shown.slice(1), 2)];
    const referenceList = this.#referenceList(references);
    const parts: HTMLElement[] = [];
    const notes = this.#notes(typed, plan.query, plan.corrections, plan.added);
    if (notes) parts.push(notes);
    if (authorLike && references.length) parts.push(referenceList, ...chapterParts);
    else parts.push(...chapterParts, referenceList);
    out.replaceChildren(...parts);
    status.textContent = statusText({ typed, named: plan.named, cardsFirst: plan.cardsFirst, pages: ranked.length, references: references.length, chapter: this.#chapter });
  }

  /** "Showing results for …. Search instead for …." and the terms synonyms added. */
  #notes(typed: string, query: string, corrections: Correction[], added: string[]): HTMLElement | null {
    if (!corrections.length && !added.length) return null;
    const box = el('div', 'search-notes');
    if (corrections.length) {
      const p = el('p', 'search-correction');
      const instead = el('a', 'search-instead');
      instead.append(el('em', undefined, typed));
      instead.href = `?${new URLSearchParams({ q: typed, exact: '1' }).toString()}`;
      instead.dataset['query'] = typed;
      p.append('Showing results for ', el('em', undefined, query), '. Search instead for ', instead, '.');
      box.append(p);
    }
    if (added.length) {
      const p = el('p', 'search-added');
      p.append('Also searched: ');
      added.forEach((t, i) => p.append(...(i ? [', '] : []), el('em', undefined, t)));
      p.append('.');
      box.append(p);
    }
    return box;
  }

  /** The index could not load: say so, offer a retry, keep the factor card and the lists below. */
  #unavailable(out: HTMLElement, status: HTMLElement, typed: string, named: SearchFactor[]): void {
    const box = el('div', 'search-unavailable');
    box.append(el('p', undefined, 'Search is unavailable right now: its index could not be loaded. Check your connection and try again, or browse the chapters and factors listed below.'));
    const retry = el('button', 'search-retry', 'Try again');
    retry.type = 'button';
    box.append(retry);
    out.replaceChildren(box, this.#cards(named));
    status.textContent = `Search is unavailable right now, so nothing could be searched for “${typed}”.${named.length ? ` ${named.map((f) => f.name).join(', ')}: factor page below.` : ''}`;
  }

  #cards(named: SearchFactor[]): HTMLElement {
    const list = el('ul', 'factor-cards');
    list.setAttribute('aria-label', 'Factors named in the query');
    for (const f of named) {
      const item = el('li', 'factor-card');
      item.append(el('span', 'factor-card-kind', 'Factor'));
      const link = el('a', 'result-link', f.expansion ? `${f.name} (${f.expansion})` : f.name);
      link.href = `${this.#base}factors/${f.id}/`;
      item.append(link);
      if (f.summary) item.append(el('p', 'factor-card-summary', f.summary));
      list.append(item);
    }
    list.hidden = named.length === 0;
    return list;
  }

  #filterBar(): HTMLElement {
    const chapters = this.#chapters;
    const wrap = el('div', 'search-filter');
    const choose = (name: string) => {
      this.#chapter = name;
      void this.run(this.#input?.value ?? '');
    };
    // Wide screens: a row of buttons.
    const bar = el('div', 'filter-buttons');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Filter by chapter');
    for (const name of ['', ...chapters]) {
      const button = el('button', 'filter-button', name || 'All chapters');
      button.type = 'button';
      button.setAttribute('aria-pressed', String(name === this.#chapter));
      button.addEventListener('click', () => choose(name));
      bar.append(button);
    }
    // Phones: one compact control.
    const label = el('label', 'filter-select');
    label.append(el('span', undefined, 'Chapter'));
    const select = el('select');
    for (const name of ['', ...chapters]) {
      const option = el('option', undefined, name || 'All chapters');
      option.value = name;
      option.selected = name === this.#chapter;
      select.append(option);
    }
    select.addEventListener('change', () => choose(select.value));
    label.append(select);
    wrap.append(bar, label);
    return wrap;
  }

  #list(items: { page: ResultData; sections: SubResult[] }[], start = 1): HTMLElement {
    const list = el('ol', 'search-results');
    list.start = start;
    list.setAttribute('aria-label', start === 1 ? 'Pages' : 'More pages');
    for (const { page, sections } of items) {
      const item = el('li');
      const title = el('a', 'result-link result-title', page.meta['title'] ?? page.url);
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
    list.hidden = items.length === 0;
    return list;
  }

  /** Reference results: the entry on /references/, its number and identification, where it is cited. */
  #referenceList(refs: ResultData[]): HTMLElement {
    const section = el('section', 'reference-results-section');
    section.setAttribute('aria-label', 'References');
    section.append(el('h2', 'reference-results-heading', 'References'));
    const list = el('ol', 'search-results reference-results');
    for (const ref of refs) {
      const item = el('li');
      const title = el('a', 'result-link result-title', ref.meta['title'] ?? ref.url);
      title.href = ref.url.replace(/\?highlight=[^#]*/, '');
      const badge = el('p', 'reference-badge');
      badge.append(`Reference ${ref.meta['number'] ?? '?'} in the review · `, el('span', 'ref-status', ref.meta['confidence'] ?? ''));
      badge.lastElementChild?.setAttribute('data-confidence', ref.meta['level'] ?? '');
      item.append(title, badge, excerptNode(ref.excerpt));
      const cited = decodeCitedIn(ref.meta['cited']);
      if (cited.length) {
        const p = el('p', 'reference-cited-in', 'Cited in: ');
        cited.forEach((c, i) => {
          if (i) p.append('; ');
          const a = el('a', undefined, c.label);
          a.href = c.href;
          p.append(a);
        });
        item.append(p);
      }
      list.append(item);
    }
    section.append(list);
    section.hidden = refs.length === 0;
    return section;
  }

  /** Arrow keys move between the input and the result links. */
  #onKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...this.querySelectorAll<HTMLElement>('input[name=q], .result-link')].filter((l) => l.offsetParent !== null || l === this.#input);
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
