/**
 * Loads <citation-previews> (/citation-previews.js) the first time a reader points at, focuses or
 * taps a citation, then opens that citation's preview, so a first visit does not pay for it. Without
 * JavaScript, or until it arrives, a citation is a plain link to its entry; a tap on a touch screen
 * waits for the preview instead of jumping away, as it will once the element runs.
 */
import { loadLazyScript } from './lazy-script.ts';

interface Previews extends HTMLElement {
  open?: (citation: HTMLElement) => void;
}

for (const host of document.querySelectorAll<Previews>('citation-previews')) {
  let pointer = '';
  const citationOf = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLElement>('.citation') : null);
  const stop = () => {
    for (const type of ['pointerover', 'focusin', 'click'] as const) host.removeEventListener(type, trigger);
    host.removeEventListener('pointerdown', remember);
  };
  const remember = (e: PointerEvent) => (pointer = e.pointerType);
  // Opens the preview once the element has run, if the reader is still on that citation.
  const trigger = (e: Event) => {
    const citation = citationOf(e);
    if (!citation || customElements.get('citation-previews')) return;
    const touch = pointer === 'touch' || (e as PointerEvent).pointerType === 'touch';
    if (e.type === 'pointerover' && touch) return;
    if (e.type === 'click') {
      if (!touch) return;
      e.preventDefault();
    }
    if (e.type === 'focusin' && pointer === 'touch') return;
    stop();
    void loadLazyScript('citation-previews').then(() => {
      const still = e.type === 'click' || citation.matches(':hover') || citation.contains(document.activeElement);
      if (still) host.open?.(citation);
    });
  };
  host.addEventListener('pointerdown', remember);
  for (const type of ['pointerover', 'focusin', 'click'] as const) host.addEventListener(type, trigger);
}
