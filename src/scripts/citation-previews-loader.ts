/**
 * Loads <citation-previews> (/citation-previews.js) the first time a reader points at, focuses,
 * clicks or taps a citation, so a first visit does not pay for it; then does what the element would
 * have done: opens the preview if the reader is still on the citation, or, after a click that
 * followed the link, focuses the entry. A tap on a touch screen opens the preview instead of jumping
 * away. Without JavaScript a citation is a plain link to its entry.
 */
import { loadLazyScript } from './lazy-script.ts';

for (const host of document.querySelectorAll<HTMLElement & { open?: (c: Element) => void; focusEntry?: (hash: string) => void }>('citation-previews')) {
  let touch = false;
  const trigger = (e: Event) => {
    const citation = e.target instanceof Element && e.target.closest('.citation');
    // A touch starts with pointerover and pointerdown, then focus, then click: only the click counts.
    if (e instanceof PointerEvent) touch = e.pointerType === 'touch';
    if (!citation || customElements.get('citation-previews') || (touch && e.type !== 'click')) return;
    const link = e.type === 'click' && (e.target as Element).closest('a');
    if (touch) e.preventDefault();
    void loadLazyScript('citation-previews').then(() => {
      if (link && !touch) host.focusEntry?.(link.hash);
      else if (touch || citation.matches(':hover') || citation.contains(document.activeElement)) host.open?.(citation);
    });
  };
  for (const type of ['pointerdown', 'pointerover', 'focusin', 'click']) host.addEventListener(type, trigger);
}
