/**
 * <site-search>: runs the query from ?q= (or the form) through Pagefind's JavaScript API
 * and lists the results. Everything from the URL is treated as text.
 */
interface PagefindSubResult { title: string; url: string; excerpt: string }
interface PagefindResultData { url: string; meta: { title?: string }; excerpt: string; sub_results: PagefindSubResult[] }
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

/** Decodes HTML entities without creating elements (a textarea parses its content as text). */
function decodeEntities(html: string): string {
  const area = document.createElement('textarea');
  area.innerHTML = html;
  return area.value;
}

/** Pagefind marks matches with <mark>; keep only that, as text plus marks. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  for (const part of excerpt.split(/(<mark>.*?<\/mark>)/)) {
    const m = /^<mark>(.*)<\/mark>$/.exec(part);
    const decoded = decodeEntities((m ? m[1] : part) ?? '');
    if (m) {
      const mark = document.createElement('mark');
      mark.textContent = decoded;
      target.append(mark);
    } else target.append(decoded);
  }
}

class SiteSearch extends HTMLElement {
  #api: Promise<PagefindApi> | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[name=q]');
    const q = new URLSearchParams(location.search).get('q') ?? '';
    if (input) input.value = q;
    form?.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = input?.value.trim() ?? '';
      history.replaceState(null, '', `?q=${encodeURIComponent(value)}`);
      void this.run(value);
    });
    if (q.trim()) void this.run(q.trim());
  }

  #pagefind(): Promise<PagefindApi> {
    const bundle = this.dataset['bundle'] ?? '/pagefind/';
    this.#api ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindApi>).then(async (api) => {
      // Result URLs are site paths: under a sub-path (BASE_PATH) they need the base in front.
      await api.options({ baseUrl: this.dataset['base'] ?? '/' });
      return api;
    });
    return this.#api;
  }

  async run(query: string): Promise<void> {
    const status = this.querySelector<HTMLElement>('.search-status');
    const list = this.querySelector<HTMLOListElement>('.search-results');
    if (!status || !list) return;
    list.replaceChildren();
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    const pagefind = await this.#pagefind();
    const { results } = await pagefind.search(query);
    const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
    for (const page of data) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = page.url;
      link.className = 'result-title';
      link.textContent = page.meta.title ?? page.url;
      const excerpt = document.createElement('p');
      appendExcerpt(excerpt, page.excerpt);
      item.append(link, excerpt);
      list.append(item);
    }
    status.textContent = results.length
      ? `${results.length} page${results.length === 1 ? '' : 's'} found for “${query}”.`
      : `Nothing found for “${query}”.`;
  }
}

customElements.define('site-search', SiteSearch);
