/**
 * <citation-previews>: shows the full references of a citation beside it.
 *
 * Wraps a chapter's text. Hover (with a short delay), keyboard focus or a tap on a citation opens a
 * preview holding each entry the citation names, copied from the chapter's own reference list, so its
 * DOI and PubMed links work. The preview stays open while the pointer is over it, closes on Escape,
 * when pointer and focus have left, or on a second tap (WCAG 2.2 SC 1.4.13). Without JavaScript the
 * citation stays a plain link to the entry.
 *
 * Keyboard: a preview's links stay out of the Tab order, so Tab goes from citation to citation. Down
 * arrow on a citation moves into its preview (the citation says so in its description), Escape
 * returns. Enter follows the citation to its entry in the reference list, and focus moves to that
 * entry, so the next Tab reaches the entry's own links.
 */
const OPEN_DELAY = 120;
const CLOSE_DELAY = 300;
const HINT_ID = 'citation-preview-hint';
const POPOVER_ID = 'citation-preview';

class CitationPreviews extends HTMLElement {
  #popover: HTMLElement | null = null;
  #owner: HTMLElement | null = null;
  #timer = 0;
  #lastPointer = '';
  #refocusing = false;

  connectedCallback(): void {
    if (!document.getElementById(HINT_ID)) {
      const hint = document.createElement('span');
      hint.id = HINT_ID;
      hint.hidden = true;
      hint.textContent = 'Reference preview shown. Down arrow moves into it, Escape closes it.';
      this.append(hint);
    }
    this.addEventListener('pointerover', this.#onPointerOver);
    this.addEventListener('pointerout', this.#onPointerOut);
    this.addEventListener('pointerdown', (e) => (this.#lastPointer = e.pointerType));
    this.addEventListener('keydown', this.#onOwnKeyDown);
    this.addEventListener('click', this.#onClick);
    this.addEventListener('focusin', this.#onFocusIn);
    this.addEventListener('focusout', this.#onFocusOut);
    document.addEventListener('keydown', this.#onKeyDown);
    document.addEventListener('pointerdown', this.#onDocumentPointerDown);
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKeyDown);
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown);
  }

  #citationOf(target: EventTarget | null): HTMLElement | null {
    return target instanceof Element ? target.closest<HTMLElement>('.citation') : null;
  }

  #inside(target: EventTarget | null): boolean {
    return target instanceof Node && (!!this.#owner?.contains(target) || !!this.#popover?.contains(target));
  }

  #schedule(fn: () => void, delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(fn, delay);
  }

  #onPointerOver = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    if (this.#inside(e.target)) return void clearTimeout(this.#timer);
    const citation = this.#citationOf(e.target);
    if (citation) this.#schedule(() => this.open(citation), OPEN_DELAY);
  };

  #onPointerOut = (e: PointerEvent): void => {
    if (e.pointerType === 'touch' || this.#inside(e.relatedTarget)) return;
    if (this.#popover) this.#schedule(() => this.close(), CLOSE_DELAY);
    else clearTimeout(this.#timer);
  };

  #onClick = (e: MouseEvent): void => {
    const citation = this.#citationOf(e.target);
    if (citation && this.#lastPointer === 'touch') {
      // A tap opens the preview instead of jumping away; a second tap on the same citation closes it.
      e.preventDefault();
      if (this.#owner === citation) this.close();
      else this.open(citation);
      return;
    }
    // Following a link to a reference entry: once the page has moved there, focus the entry itself.
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (link && !e.defaultPrevented) setTimeout(() => this.focusEntry(link.hash));
  };

  /** Focuses the reference entry a followed link leads to (also used by citation-previews-loader.ts). */
  focusEntry(hash: string): void {
    const entry = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (!entry || entry.tagName !== 'LI' || !entry.closest('ol')) return;
    if (!entry.hasAttribute('tabindex')) entry.tabIndex = -1;
    entry.focus({ preventScroll: true });
  }

  #onOwnKeyDown = (e: KeyboardEvent): void => {
    this.#lastPointer = '';
    if (e.key !== 'ArrowDown' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const citation = this.#citationOf(e.target);
    if (!citation) return;
    // Down arrow on a citation: into its preview, whose links then take part in Tab.
    this.open(citation);
    if (this.#owner !== citation || !this.#popover) return;
    e.preventDefault();
    for (const a of this.#popover.querySelectorAll('a')) a.removeAttribute('tabindex');
    this.#popover.querySelector('a')?.focus();
  };

  #onFocusIn = (e: FocusEvent): void => {
    // A tap focuses the link too: leave that to the click handler, which toggles.
    if (this.#lastPointer === 'touch' || this.#refocusing) return;
    const citation = this.#citationOf(e.target);
    if (citation && citation !== this.#owner) this.open(citation);
  };

  #onFocusOut = (e: FocusEvent): void => {
    if (this.#popover && !this.#inside(e.relatedTarget)) this.close();
  };

  #onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.#popover) return;
    // Focus goes back to the citation before the preview disappears, and does not reopen it.
    if (this.#popover.contains(document.activeElement)) {
      this.#refocusing = true;
      this.#owner?.querySelector('a')?.focus({ preventScroll: true });
      this.#refocusing = false;
    }
    this.close();
  };

  #onDocumentPointerDown = (e: PointerEvent): void => {
    if (this.#popover && !this.#inside(e.target)) this.close();
  };

  open(citation: HTMLElement): void {
    if (this.#owner === citation) return;
    this.close();
    const keys = (citation.dataset['cites'] ?? '').split(' ').filter(Boolean);
    const entries = keys.map((k) => document.getElementById(`bib-${k}`)).filter((li): li is HTMLElement => li !== null);
    if (!entries.length) return;

    const popover = document.createElement('div');
    popover.className = 'citation-popover';
    popover.setAttribute('role', 'dialog');
    const numbers = entries.map((li) => li.getAttribute('value')).join(', ');
    popover.setAttribute('aria-label', `${entries.length > 1 ? 'References' : 'Reference'} ${numbers}`);
    const list = document.createElement('ol');
    for (const li of entries) {
      const item = li.cloneNode(true) as HTMLElement;
      item.removeAttribute('id');
      item.querySelector('.backrefs')?.remove();
      list.append(item);
    }
    const more = document.createElement('a');
    more.href = `#bib-${keys[0]}`;
    more.className = 'popover-more';
    more.textContent = 'Go to the reference list';
    popover.append(list, more);
    popover.id = POPOVER_ID;
    // Out of the Tab order until the reader moves into the preview with Down arrow.
    for (const a of popover.querySelectorAll('a')) a.tabIndex = -1;
    for (const a of citation.querySelectorAll('a')) {
      a.setAttribute('aria-expanded', 'true');
      a.setAttribute('aria-controls', POPOVER_ID);
      a.setAttribute('aria-describedby', HINT_ID);
      a.setAttribute('aria-keyshortcuts', 'ArrowDown');
    }
    citation.after(popover);
    this.#popover = popover;
    this.#owner = citation;
    citation.classList.add('is-open');
    this.#place(citation, popover);
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#owner?.classList.remove('is-open');
    for (const a of this.#owner?.querySelectorAll('a') ?? []) {
      for (const name of ['aria-expanded', 'aria-controls', 'aria-describedby', 'aria-keyshortcuts']) a.removeAttribute(name);
    }
    this.#popover?.remove();
    this.#popover = null;
    this.#owner = null;
  }

  /** Below the citation when there is room in the viewport, above it otherwise; never outside the text column. */
  #place(citation: HTMLElement, popover: HTMLElement): void {
    const box = this.getBoundingClientRect();
    const at = citation.getBoundingClientRect();
    const width = Math.min(popover.offsetWidth, box.width);
    const left = Math.max(0, Math.min(at.left - box.left - 24, box.width - width));
    const below = at.bottom + popover.offsetHeight + 8 <= window.innerHeight || at.top < popover.offsetHeight + 8;
    const top = below ? at.bottom - box.top + 6 : at.top - box.top - popover.offsetHeight - 6;
    popover.style.left = `${left}px`;
    popover.style.top = `${top}px`;
  }
}

customElements.define('citation-previews', CitationPreviews);
