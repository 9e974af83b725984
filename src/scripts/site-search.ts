/**
 * <site-search>: the search page. Runs the query from ?q= (and as the reader types) through
 * Pagefind's JavaScript API, and forgives typos, other words, questions and any spelling of a
 * factor's name, and finds references by author, title word, journal or year. What the query is
 * searched as (lib/search/plan.ts), the early results (lib/search/early.ts) and the order of the
 * results (lib/search/rank.ts) are plain functions with unit tests; this element keeps the DOM and
 * the Pagefind calls.
 *
 * Nothing is loaded until the first query (or the first focus of the box, which loads only the
 * factor names). A query that is nothing but factor names shows real results at once, from small
 * files of the site: the factor card and the chapter sections that name the factor
 * (/search-factor-<id>.json); the status says the full results are still coming. Only then does
 * the engine load, with the chapter index and the synonyms, and its ranked results replace the
 * early ones (focus kept on the same link). The rest loads only when a query needs it:
 * - the typo vocabulary, when a word of the query has no hit in the chapters;
 * - the references' index, merged into the same engine (Pagefind's mergeIndex), when the query
 *   looks like a reference (a word only the references have, such as an author or a journal
 *   word, or a year) or when the chapters have nothing for it.
 * When the index cannot load, the page says so, offers a retry, and still shows the factor card
 * and the sections that name it.
 * The element's data-state says where a query is: "searching", "early" (early results shown, full
 * results coming), "done" (the full results, or the unavailable message); data-query names it.
 * Everything from the URL is treated as text.
 */
import { factorKeyIndex, unshipFactor, type FactorKeyIndex, type SearchFactor, type ShippedFactor } from '../lib/search/search-terms.ts';
import { decodeVocabulary, type Correction, type Vocabulary } from '../lib/search/typos.ts';
import type { SynonymTable } from '../lib/search/synonyms.ts';
import { decodeCitedIn } from '../lib/search/cited-in.ts';
import { earlyNamed, earlyPages, earlyStatus, focusAfter, highlightWords, resultHref, type EarlyResult, type FactorEarlyData } from '../lib/search/early.ts';
import { authorYear, earlyReferences, earlyReferenceStatus, earlyReferenceVocabulary, type EarlyReference } from '../lib/search/early-references.ts';
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

/** A reference result as shown: from the references' index, or early, from the reference names. */
interface ReferenceShown {
  href: string;
  title: string;
  number: string;
  confidence: string;
  level: string;
  /** Pagefind's excerpt (escaped text with <mark>); early results have none. */
  excerpt?: string;
  cited: string | undefined;
}

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
    // A reader about to type: load the factor names, without waiting for a keystroke.
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

  /** A reader about to type: load the factor names (small), so a factor's early results can show at once. The engine waits for a query. */
  #warmUp(): void {
    this.#factors().catch(() => undefined);
  }

  /** Result URLs are site paths: under a sub-path they need the base; ?highlight= marks the words on arrival. */
  get #options(): Record<string, unknown> {
    return { baseUrl: this.#base, highlightParam: 'highlight', ranking: { pageLength: 0.35, termFrequency: 0.8 } };
  }

  /** Whether the engine has loaded (a later query needs no early results: the full ones come at once). */
  #engineReady = false;

  #pagefind = once(() =>
    (import(/* @vite-ignore */ `${this.#base}pagefind/pagefind.js`) as Promise<PagefindApi>).then(async (api) => {
      await api.options(this.#options);
      this.#engineReady = true;
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

  /** Factor names: a small file of the site itself, loaded once, before anything else. */
  #factors = once(() =>
    // Without summaries: a card's summary loads only for the factors a query names.
    this.#get('search-factors.json').then(async (r) => {
      const factors = ((await r.json()) as ShippedFactor[]).map(unshipFactor);
      return { factors, index: factorKeyIndex(factors) };
    }),
  );

  /** The synonyms, loaded with the engine: only a full search uses them. */
  #synonyms = once(() =>
    this.#get('search-synonyms.json')
      .then((r) => r.json() as Promise<SynonymTable>)
      .catch((): SynonymTable => ({ same: [], also: [], spellings: [] })),
  );

  /** Factor names and synonyms, for planning a full search. */
  #searchData(): Promise<SearchData> {
    return Promise.all([this.#factors(), this.#synonyms()]).then(([{ factors, index }, synonyms]) => ({ factors, index, synonyms }));
  }

  #early = new Map<string, Promise<FactorEarlyData | null>>();

  /** A named factor's early data (its summary and the sections naming it), once; a failure leaves it out and is tried again later. */
  #earlyData(f: SearchFactor): Promise<FactorEarlyData | null> {
    let p = this.#early.get(f.id);
    if (!p) {
      p = this.#get(`search-factor-${encodeURIComponent(f.id)}.json`)
        .then((r) => r.json() as Promise<FactorEarlyData>)
        .catch(() => {
          this.#early.delete(f.id);
          return null;
        });
      this.#early.set(f.id, p);
    }
    return p;
  }

  /** Loads the one-line summary of each factor in `named` onto it, and returns their early data. */
  async #withSummaries(named: readonly SearchFactor[]): Promise<FactorEarlyData[]> {
    const data = await Promise.all(named.map((f) => this.#earlyData(f)));
    const out: FactorEarlyData[] = [];
    named.forEach((f, i) => {
      const d = data[i];
      if (!d) return;
      f.summary = d.summary;
      out.push(d);
    });
    return out;
  }

  /** Each reference's authors and year, for an author-and-year look-up's early results: loaded only for such a query. */
  #referenceNames = once(() => this.#get('search-reference-names.json').then((r) => r.json() as Promise<EarlyReference[]>));

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

  /** Where the query is (see the header): "searching", "early" or "done", for `typed`. */
  #state(state: 'searching' | 'early' | 'done' | 'idle', typed: string): void {
    this.dataset['query'] = typed;
    this.dataset['state'] = state;
    const out = this.querySelector<HTMLElement>('.search-output');
    // The list shown is not the final one yet.
    if (state === 'early') out?.setAttribute('aria-busy', 'true');
    else out?.removeAttribute('aria-busy');
  }

  /**
   * Replaces what the output shows, keeping focus: a reader who had moved into the results stays
   * on the same link (lib/search/early.ts focusAfter), or at the same place in the list.
   */
  #show(out: HTMLElement, parts: HTMLElement[]): void {
    const active = document.activeElement;
    const links = () => [...out.querySelectorAll<HTMLAnchorElement>('a.result-link')].filter((a) => !a.closest('[hidden]'));
    const before = active instanceof HTMLElement && out.contains(active) ? { href: active.getAttribute('href') ?? '', index: links().indexOf(active as HTMLAnchorElement) } : null;
    out.replaceChildren(...parts);
    if (!before) return;
    const after = links();
    const at = focusAfter(before, after.map((a) => a.getAttribute('href') ?? ''));
    (at >= 0 ? after[at] : this.#input)?.focus({ preventScroll: true });
  }

  /**
   * Sets the live region's text. After early results the line keeps at least the height it had,
   * so that the results below do not move up when a shorter final status replaces it.
   */
  #say(status: HTMLElement, text: string): void {
    const keep = this.dataset['state'] === 'early' ? status.getBoundingClientRect().height : 0;
    status.textContent = text;
    status.style.minHeight = keep && status.getBoundingClientRect().height < keep ? `${keep}px` : '';
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
      this.#show(out, []);
      this.#say(status, '');
      this.#state('idle', '');
      return;
    }
    this.#state('searching', typed);

    // The words of an author-and-year look-up that early results answered: reference words, so the
    // full search needs no vocabulary to search the references.
    let lookUp: Vocabulary | undefined;
    // A query that is nothing but factor names: its card and the sections naming it, before the engine loads.
    if (!this.#engineReady) {
      const names = await this.#factors().catch(() => null);
      if (run !== this.#run) return;
      const named = names ? earlyNamed(typed, names.index) : [];
      if (named.length) {
        const early = await this.#withSummaries(named);
        if (run !== this.#run) return;
        const pages = earlyPages(early, { chapter: this.#chapter, max: MAX_PAGES });
        this.#show(out, [this.#cards(named), this.#filterBar(), this.#earlyList(pages, typed)]);
        this.#say(status, earlyStatus({ named, chapters: pages.length, chapter: this.#chapter }));
        this.#state('early', typed);
      } else if (!this.#chapter && authorYear(typed)) {
        // An author-and-year look-up: the references it names, before the engine loads.
        const refs = await this.#referenceNames().catch(() => null);
        if (run !== this.#run) return;
        const found = refs ? earlyReferences(typed, refs, MAX_REFERENCES) : [];
        if (found.length) {
          lookUp = earlyReferenceVocabulary(typed);
          this.#show(out, [this.#referenceList(found.map((r) => ({ href: `${this.#base}references/#${r.k}`, title: r.t, number: String(r.n), confidence: r.c, level: r.l, cited: r.i })))]);
          this.#say(status, earlyReferenceStatus(found.length));
          this.#state('early', typed);
        }
      }
    }

    const [data, pagefind] = await Promise.all([this.#searchData().catch(() => null), this.#pagefind().catch(() => null)]);
    if (run !== this.#run) return;
    if (!pagefind) {
      const { named } = planQuery(typed, data, { exact });
      const early = await this.#withSummaries(named);
      if (run === this.#run) this.#unavailable(out, status, typed, named, early);
      return;
    }

    let plan: QueryPlan;
    let vocabulary: Vocabulary | undefined;
    const hits = new PageHits();
    let summaries: Promise<unknown> = Promise.resolve();
    const vocabularyNow = () => this.#vocabulary().catch((): Vocabulary => new Map()); // no corrections, but still a search
    try {
      // A word with no hit in the chapters is a typo, or a word only the references have: only
      // then is the vocabulary needed.
      if (data && !lookUp) {
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
      const early = await this.#withSummaries(named);
      if (run === this.#run) this.#unavailable(out, status, typed, named, early);
      return;
    }
    if (run !== this.#run) return;

    // References: when the query looks like one (a word the chapters lack, a year) or the chapters have nothing.
    let references: ResultData[] = [];
    let authorLike = false;
    if (!this.#chapter && (vocabulary || mentionsYear(plan) || hits.size === 0)) {
      vocabulary ??= lookUp ?? (await vocabularyNow());
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
    const referenceList = this.#referenceList(
      references.map((ref) => ({
        href: ref.url.replace(/\?highlight=[^#]*/, ''),
        title: ref.meta['title'] ?? ref.url,
        number: ref.meta['number'] ?? '?',
        confidence: ref.meta['confidence'] ?? '',
        level: ref.meta['level'] ?? '',
        excerpt: ref.excerpt,
        cited: ref.meta['cited'],
      })),
    );
    const parts: HTMLElement[] = [];
    const notes = this.#notes(typed, plan.query, plan.corrections, plan.added);
    if (notes) parts.push(notes);
    if (authorLike && references.length) parts.push(referenceList, ...chapterParts);
    else parts.push(...chapterParts, referenceList);
    this.#show(out, parts);
    this.#say(status, statusText({ typed, named: plan.named, cardsFirst: plan.cardsFirst, pages: ranked.length, references: references.length, chapter: this.#chapter }));
    this.#state('done', typed);
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

  /** The index could not load: say so, offer a retry, keep the factor card, the sections naming it and the lists below. */
  #unavailable(out: HTMLElement, status: HTMLElement, typed: string, named: SearchFactor[], early: FactorEarlyData[]): void {
    const box = el('div', 'search-unavailable');
    box.append(el('p', undefined, 'Search is unavailable right now: its index could not be loaded. Check your connection and try again, or browse the chapters and factors listed below.'));
    const retry = el('button', 'search-retry', 'Try again');
    retry.type = 'button';
    box.append(retry);
    const pages = earlyPages(early, { chapter: this.#chapter, max: MAX_PAGES });
    this.#show(out, [box, this.#cards(named), this.#earlyList(pages, typed)]);
    this.#say(status, `Search is unavailable right now, so nothing could be searched for “${typed}”.${named.length ? ` ${named.map((f) => f.name).join(', ')}: factor page below${pages.length ? ', with the chapter sections that name it' : ''}.` : ''}`);
    this.#state('done', typed);
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

  /**
   * The early list: the chapters naming the query's factors, each with its sections, drawn as the
   * full results are (same classes, same room) so that they replace it without a jump.
   */
  #earlyList(pages: EarlyResult[], typed: string): HTMLElement {
    const words = highlightWords(typed);
    const list = el('ol', 'search-results search-results-early');
    list.setAttribute('aria-label', 'Chapter sections naming the factor');
    for (const page of pages) {
      const item = el('li');
      const title = el('a', 'result-link result-title', page.title);
      title.href = resultHref(this.#base, page.url, words);
      const subs = el('ul', 'sub-results');
      for (const s of page.sections.slice(0, MAX_SECTIONS)) {
        const sub = el('li');
        const link = el('a', 'result-link', s.title);
        link.href = resultHref(this.#base, s.url, words);
        sub.append(link, excerptNode(s.excerpt));
        subs.append(sub);
      }
      item.append(title, subs);
      list.append(item);
    }
    list.hidden = pages.length === 0;
    return list;
  }

  /** Reference results: the entry on /references/, its number and identification, where it is cited. */
  #referenceList(refs: ReferenceShown[]): HTMLElement {
    const section = el('section', 'reference-results-section');
    section.setAttribute('aria-label', 'References');
    section.append(el('h2', 'reference-results-heading', 'References'));
    const list = el('ol', 'search-results reference-results');
    for (const ref of refs) {
      const item = el('li');
      const title = el('a', 'result-link result-title', ref.title);
      title.href = ref.href;
      const badge = el('p', 'reference-badge');
      badge.append(`Reference ${ref.number} in the review · `, el('span', 'ref-status', ref.confidence));
      badge.lastElementChild?.setAttribute('data-confidence', ref.level);
      item.append(title, badge);
      if (ref.excerpt !== undefined) item.append(excerptNode(ref.excerpt));
      const cited = decodeCitedIn(ref.cited);
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
