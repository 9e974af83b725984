/**
 * <site-search>: the search page. Runs the query from ?q= (and as the reader types) through
 * Pagefind's JavaScript API, and forgives:
 * - typos: a word the site does not have is read as the nearest word it has ("Showing results for
 *   osteoclasts. Search instead for osteoclats.");
 * - other words: synonyms, brand and class names widen the query (never replace it), and the page
 *   says which terms were added;
 * - questions: stop and question words are dropped, and pages with all remaining words come first;
 * - factor names in any spelling: the factor's card first, the query widened by its whole names
 *   as phrases, pages where the exact name is marked before pages that only match a longer one;
 * - references: authors, title words, journals and years find the entry on /references/, from an
 *   index of their own.
 * Nothing is loaded until the first query (or the first focus of the box): the engine, the
 * factor names, the vocabulary and the synonyms. When the index cannot load, the page says so,
 * offers a retry, and still shows the factor card. Everything from the URL is treated as text.
 */
import { factorKeyIndex, isExactName, namedRuns, phrasedQuery, widenedQueries, type FactorKeyIndex, type SearchFactor } from '../lib/search/search-terms.ts';
import { correctQuery, decodeVocabulary, foldWord, type Correction, type Vocabulary } from '../lib/search/typos.ts';
import { widenWithSynonyms, type SynonymTable } from '../lib/search/synonyms.ts';
import { topicQuery } from '../lib/search/question.ts';
import { decodeCitedIn } from '../lib/search/cited-in.ts';
import { joinAdjacentMarks, wordStretches } from '../lib/search/marks.ts';

interface PagefindSubResult { title: string; url: string; excerpt: string }
interface PagefindResultData { url: string; meta: Record<string, string | undefined>; excerpt: string; content?: string; sub_results: PagefindSubResult[] }
interface PagefindResult { id: string; score: number; data(): Promise<PagefindResultData> }
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init?(): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface SearchData {
  factors: SearchFactor[];
  index: FactorKeyIndex;
  vocabulary: Vocabulary;
  synonyms: SynonymTable;
}
interface Page { data: PagefindResultData; score: number; matched: number; order: number }

const MAX_PAGES = 10;
const MAX_SECTIONS = 3;
const MAX_REFERENCES = 5;
/** How much of the query a page was found with: all of it, one factor of it (fallback pages count their words). */
const FULL = 1000;
const PARTIAL = 500;

function decodeEntities(html: string): string {
  const area = document.createElement('textarea');
  area.innerHTML = html;
  return area.value;
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

const marksOf = (excerpt: string) => [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => decodeEntities(m[1] ?? ''));

/** The marked words of an excerpt, and every stretch of neighbouring marked words ("T cells", "bone metastases"). */
const markedRuns = (excerpt: string) => marksOf(joinAdjacentMarks(excerpt)).flatMap((run) => wordStretches(run));
function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** How many of `words` a section's title and excerpt contain (by word beginning, so "levels" meets "level"). */
function wordsIn(words: string[], section: PagefindSubResult): number {
  const text = ` ${foldWord(`${section.title} ${decodeEntities(section.excerpt.replace(/<[^>]+>/g, ''))}`).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return words.filter((w) => text.includes(` ${w.slice(0, Math.max(3, w.length - 2))}`)).length;
}

/** The folded words of a query, split at hyphens and punctuation too ("double-blind": double, blind). */
const topicKeys = (q: string) =>
  foldWord(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);

class SiteSearch extends HTMLElement {
  #api: Promise<PagefindApi> | undefined;
  #refs: Promise<PagefindApi> | undefined;
  #data: Promise<SearchData> | undefined;
  #chapter = '';
  #timer = 0;
  #run = 0;

  get #base(): string {
    return this.dataset['base'] ?? '/';
  }

  get #input(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('input[name=q]');
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
    // A reader about to type: start loading what a query needs, without waiting for a keystroke.
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

  #load(path: string): Promise<PagefindApi> {
    return (import(/* @vite-ignore */ `${this.#base}${path}pagefind.js`) as Promise<PagefindApi>).then(async (api) => {
      // Result URLs are site paths: under a sub-path they need the base; ?highlight= marks the words on arrival.
      await api.options({ baseUrl: this.#base, highlightParam: 'highlight', ranking: { pageLength: 0.35, termFrequency: 0.8 } });
      return api;
    });
  }

  #pagefind(): Promise<PagefindApi> {
    this.#api ??= this.#load('pagefind/').catch((e: unknown) => {
      this.#api = undefined; // a retry loads it again
      throw e;
    });
    return this.#api;
  }

  #references(): Promise<PagefindApi> {
    this.#refs ??= this.#load('pagefind-references/').catch((e: unknown) => {
      this.#refs = undefined;
      throw e;
    });
    return this.#refs;
  }

  /** Factor names, vocabulary and synonyms: small files of the site itself, loaded once. */
  #searchData(): Promise<SearchData> {
    const get = (file: string) =>
      fetch(`${this.#base}${file}`).then((r) => {
        if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
        return r;
      });
    this.#data ??= Promise.all([
      get('search-factors.json').then((r) => r.json() as Promise<SearchFactor[]>),
      get('search-vocabulary.txt')
        .then((r) => r.text())
        .then(decodeVocabulary)
        .catch((): Vocabulary => new Map()), // no corrections, but still a search
      get('search-synonyms.json')
        .then((r) => r.json() as Promise<SynonymTable>)
        .catch((): SynonymTable => ({ same: [], also: [], spellings: [] })),
    ]).then(
      ([factors, vocabulary, synonyms]) => ({ factors, index: factorKeyIndex(factors), vocabulary, synonyms }),
      (e: unknown) => {
        this.#data = undefined;
        throw e;
      },
    );
    return this.#data;
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
    const data = await this.#searchData().catch(() => null);
    if (run !== this.#run) return;

    // Typos first, so a corrected word can still name a factor ("interlukin 7").
    let query = typed;
    let corrections: Correction[] = [];
    if (data && !exact) {
      const protectedWords = new Set<string>();
      for (const r of namedRuns(typed, data.index)) for (const w of typed.split(/\s+/).slice(r.start, r.end)) for (const part of w.match(/[\p{L}\p{N}]+/gu) ?? []) protectedWords.add(part);
      ({ query, corrections } = correctQuery(typed, data.vocabulary, (w) => protectedWords.has(w)));
    }
    const topic = topicQuery(query);
    const runs = data ? namedRuns(topic, data.index) : [];
    const named: SearchFactor[] = []; // in the order the query names them
    for (const r of runs) for (const f of r.factors) if (!named.includes(f)) named.push(f);
    const widening = data ? widenWithSynonyms(topic, data.synonyms) : { queries: [], added: [] };

    let pagefind: PagefindApi;
    try {
      pagefind = await this.#pagefind();
    } catch {
      if (run !== this.#run) return;
      this.#unavailable(out, status, typed, named);
      return;
    }
    const filters: Record<string, string[]> = this.#chapter ? { chapter: [this.#chapter] } : {};
    const words = topicKeys(topic);

    // Every widened query; a page keeps its best score and the sections found by any of them.
    // Pagefind builds a result's sections from the latest search, so each query's results are read
    // before the next query runs.
    const pages = new Map<string, Page>();
    let order = 0;
    const collect = async (q: string, matched: number) => {
      const { results } = await pagefind.search(q, { filters });
      const top = results.slice(0, MAX_PAGES * 2);
      const found = await Promise.all(top.map((r) => r.data()));
      top.forEach((r, i) => {
        const d = found[i] as PagefindResultData;
        const page = pages.get(r.id);
        if (!page) pages.set(r.id, { data: d, score: r.score, matched, order: order++ });
        else {
          page.score = Math.max(page.score, r.score);
          page.matched = Math.max(page.matched, matched);
          const seen = new Set(page.data.sub_results.map((s) => s.url.split('#')[1] ?? ''));
          page.data = { ...page.data, sub_results: [...page.data.sub_results, ...d.sub_results.filter((s) => !seen.has(s.url.split('#')[1] ?? ''))] };
        }
      });
    };
    let failed = false;
    try {
      // A page found by the whole query (or a synonym of it) has every part of it; one found only
      // by a factor's name has that part alone, unless the name is the whole query.
      const whole = new Set([phrasedQuery(topic, runs), ...widening.queries]);
      const wholeRun = runs.length === 1 && runs[0] !== undefined && runs[0].end - runs[0].start === topic.split(/\s+/).filter(Boolean).length;
      for (const q of [...widenedQueries(topic, named, runs), ...widening.queries]) await collect(q, whole.has(q) || wholeRun ? FULL : PARTIAL);
      // No page has every word: look for each word alone, and rank pages by how many they have.
      if (pages.size === 0 && words.length > 1) {
        for (const w of topic.split(/\s+/)) await collect(w, 0);
        for (const page of pages.values()) page.matched = wordsIn(words, { title: page.data.meta['title'] ?? '', url: '', excerpt: page.data.content ?? page.data.excerpt });
      }
    } catch {
      failed = true;
    }
    if (run !== this.#run) return;
    if (failed) {
      this.#unavailable(out, status, typed, named);
      return;
    }

    // References: from their own index, when a word of the query occurs in them.
    const refWords = data ? words.filter((w) => data.vocabulary.get(w)?.reference) : [];
    // A word found only in the references (an author, a journal) or a year: the reader is looking for a reference.
    const authorLike = data ? refWords.some((w) => !data.vocabulary.get(w)?.text) || (refWords.length > 0 && /\b(19|20)\d\d\b/.test(topic)) : false;
    let references: PagefindResultData[] = [];
    if (refWords.length && !this.#chapter) {
      try {
        const refs = await this.#references();
        let { results } = await refs.search(topic.replace(/["“”]/g, ''));
        if (!results.length && refWords.length < words.length) ({ results } = await refs.search(refWords.join(' ')));
        references = await Promise.all(results.slice(0, MAX_REFERENCES).map((r) => r.data()));
      } catch {
        references = []; // the chapter results still stand
      }
      if (run !== this.#run) return;
    }

    const exactName = (excerpt: string) => named.length === 0 || marksOf(excerpt).some((m) => named.some((f) => isExactName(m, f)));
    // How many of the named factors a page has under their own names ("T cells osteoclasts": the
    // page with both before the page with osteoclasts alone).
    const namesFound = (p: Page) => {
      const marks = [p.data.excerpt, ...p.data.sub_results.map((s) => s.excerpt)].flatMap(markedRuns);
      return named.filter((f) => marks.some((m) => isExactName(m, f))).length;
    };
    // How many of the query's words the page has anywhere: Pagefind returns pages with some of them.
    const coverage = (p: Page) => (words.length > 1 ? wordsIn(words, { title: p.data.meta['title'] ?? '', url: '', excerpt: p.data.content ?? '' }) : 0);
    const ranked = [...pages.values()]
      .map((p) => {
        // Sections with more of the query's words first, words in the heading counting double; the
        // chapter's opening paragraph yields to a section that has as many.
        const scored = p.data.sub_results
          .map((s, i) => ({ s, i, n: 2 * wordsIn(words, { ...s, excerpt: '' }) + wordsIn(words, s), opening: /#chapter-title$/.test(s.url) }))
          .sort((a, b) => b.n - a.n || Number(a.opening) - Number(b.opening) || a.i - b.i);
        const sections = scored.map((x) => x.s);
        // For a long query, the page's best section other than its opening (which carries the key
        // points): a page with a section about the query beats one where Pagefind, which returns
        // pages with any of the words, found them scattered. Short queries keep Pagefind's order.
        const best = words.length > 3 ? (scored.find((x) => !x.opening)?.n ?? 0) : 0;
        const exactSections = sections.filter((s) => exactName(s.excerpt));
        return { p, exact: exactName(p.data.excerpt) || exactSections.length > 0, names: named.length > 1 ? namesFound(p) : 0, covered: coverage(p), best, sections: exactSections.length ? exactSections : sections };
      })
      .sort(
        (a, b) =>
          b.p.matched - a.p.matched ||
          Number(b.exact) - Number(a.exact) ||
          b.names - a.names ||
          b.covered - a.covered ||
          b.best - a.best ||
          b.p.score - a.p.score ||
          a.p.order - b.p.order,
      );

    // The factor cards come first when the query is nothing but factor names; otherwise
    // the best section answers first ("serum IL-7": the section on serum levels; a question) and
    // the cards follow it.
    const topicWordCount = topic.split(/\s+/).filter(Boolean).length;
    const cardsFirst = topic === query.trim() && runs.reduce((n, r) => n + r.end - r.start, 0) >= topicWordCount;
    const shown = ranked.slice(0, MAX_PAGES).map((r) => ({ page: r.p.data, sections: r.sections }));
    const chapterParts = cardsFirst || !shown.length
      ? [this.#cards(named), await this.#filterBar(pagefind), this.#list(shown)]
      : [await this.#filterBar(pagefind), this.#list(shown.slice(0, 1)), this.#cards(named), this.#list(shown.slice(1), 2)];
    const referenceList = this.#referenceList(references);
    const parts: HTMLElement[] = [];
    const notes = this.#notes(typed, query, corrections, widening.added);
    if (notes) parts.push(notes);
    if (authorLike && references.length) parts.push(referenceList, ...chapterParts);
    else parts.push(...chapterParts, referenceList);
    if (run !== this.#run) return;
    out.replaceChildren(...parts);

    const n = ranked.length;
    const r = references.length;
    const where = this.#chapter ? ` in ${this.#chapter}` : '';
    const found = [n ? `${n} page${n === 1 ? '' : 's'}` : '', r ? `${r} reference${r === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
    status.textContent =
      (named.length ? `${named.map((f) => f.name).join(', ')}: factor page ${cardsFirst ? 'first' : 'after the first result'}. ` : '') +
      (found ? `${found} found for “${typed}”${where}.` : `Nothing found for “${typed}”${where}. Try fewer words, or browse the chapters and factors below.`);
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
      item.append(link, el('p', 'factor-card-summary', f.summary));
      list.append(item);
    }
    list.hidden = named.length === 0;
    return list;
  }

  async #filterBar(pagefind: PagefindApi): Promise<HTMLElement> {
    const order = (this.dataset['chapters'] ?? '').split('|');
    const chapters = Object.keys((await pagefind.filters())['chapter'] ?? {}).sort((a, b) => order.indexOf(a) - order.indexOf(b));
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

  #list(items: { page: PagefindResultData; sections: PagefindSubResult[] }[], start = 1): HTMLElement {
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
  #referenceList(refs: PagefindResultData[]): HTMLElement {
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
