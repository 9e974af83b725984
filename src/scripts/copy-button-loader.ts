/**
 * Shows each <copy-button>'s button (hidden without JavaScript, where the text can be selected by
 * hand) and loads the copying itself (/copy-button.js) on the first press, which it then replays.
 */
import { loadLazyScript } from './lazy-script.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('copy-button button')) {
  button.hidden = false;
  button.addEventListener(
    'click',
    () => {
      if (customElements.get('copy-button')) return;
      void loadLazyScript('copy-button').then(() => button.click());
    },
    { once: true },
  );
}
