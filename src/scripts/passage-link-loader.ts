/**
 * Loads <passage-link> (/passage-link.js) the first time a reader selects text in the chapter, so a
 * first visit does not pay for it. Once loaded, the element takes the selection over (a replayed
 * selectionchange).
 */
import { loadLazyScript } from './lazy-script.ts';

function onSelection(): void {
  const text = document.getSelection()?.toString().trim() ?? '';
  if (text.length < 3) return;
  document.removeEventListener('selectionchange', onSelection);
  void loadLazyScript('passage-link').then(() => document.dispatchEvent(new Event('selectionchange')));
}

if (document.querySelector('passage-link')) document.addEventListener('selectionchange', onSelection);
