/**
 * Loads <citation-previews> (/citation-previews.js) the first time a reader points at, focuses or
 * taps a citation, then opens that citation's preview if the reader is still on it, so a first visit
 * does not pay for it. Until then a citation is a plain link to its entry, except that a tap on a
 * touch screen waits for the preview instead of jumping away, as it will once the element runs.
 */
import { loadLazyScript } from './lazy-script.ts';

for (const host of document.querySelectorAll<HTMLElement & { open?: (c: Element) => void }>('citation-previews')) {
  let touch = false;
  const trigger = (e: Event) => {
    const citation = e.target instanceof Element && e.target.closest('.citation');
    // A touch starts with pointerover and pointerdown, then focus, then click: only the click counts.
    if (e instanceof PointerEvent) touch = e.pointerType === 'touch';
    if (!citation || customElements.get('citation-previews') || (touch && e.type !== 'click') || (!touch && e.type === 'click')) return;
    if (touch) e.preventDefault();
    for (const type of TYPES) host.removeEventListener(type, trigger);
    void loadLazyScript('citation-previews').then(() => {
      if (touch || citation.matches(':hover') || citation.contains(document.activeElement)) host.open?.(citation);
    });
  };
  const TYPES = ['pointerdown', 'pointerover', 'focusin', 'click'];
  for (const type of TYPES) host.addEventListener(type, trigger);
}
