/**
 * <passage-link>: when a reader selects text in a chapter, offers "Copy link to this passage",
 * which copies a text-fragment URL (with the section's anchor as the fallback).
 */
import { passageUrl } from '../lib/links/text-fragment.ts';
import { canonicalPageUrl } from '../lib/links/urls.ts';
import { copyAndAnnounce } from './copy-announce.ts';

class PassageLink extends HTMLElement {
  #button: HTMLButtonElement | null = null;
  #text = '';
  #section = '';

  connectedCallback(): void {
    this.#button = this.querySelector('button');
    const prose = document.querySelector('.prose');
    if (!this.#button || !prose) return;
    document.addEventListener('selectionchange', () => this.#update(prose));
    this.#button.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
    this.#button.addEventListener('click', async () => {
      if (await copyAndAnnounce(passageUrl(canonicalPageUrl(location.href), this.#section, this.#text), 'Link to the passage copied')) this.#hide();
    });
  }

  #hide(): void {
    if (this.#button) this.#button.hidden = true;
  }

  #update(prose: Element): void {
    const selection = document.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || selection.rangeCount === 0 || text.length < 3) {
      if (document.activeElement !== this.#button) this.#hide();
      return;
    }
    const range = selection.getRangeAt(0);
    if (!prose.contains(range.commonAncestorContainer)) return this.#hide();
    const headings = [...prose.querySelectorAll<HTMLElement>('h2[id], h3[id]')];
    const before = headings.filter((h) => h.compareDocumentPosition(range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING);
    this.#section = before.at(-1)?.id ?? '';
    this.#text = text;
    const rect = range.getBoundingClientRect();
    const button = this.#button as HTMLButtonElement;
    button.hidden = false;
    button.style.top = `${rect.bottom + scrollY + 8}px`;
    button.style.left = `${Math.max(8, Math.min(rect.left + scrollX, document.documentElement.clientWidth - button.offsetWidth - 8))}px`;
  }
}

customElements.define('passage-link', PassageLink);
