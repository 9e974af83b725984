/**
 * Shows the evidence filter and loads it (/evidence-filter.js) on its first use, or at once when the
 * address asks for a filtered view (`?cancer=lung`, `?evidence=human`), so a first visit does not pay
 * for it. Without JavaScript the control stays hidden and every relation shows with its badge.
 */
import { loadLazyScript } from './lazy-script.ts';

for (const control of document.querySelectorAll<HTMLElement>('evidence-filter')) {
  control.hidden = false;
  control.addEventListener('change', async (event) => {
    if (customElements.get('evidence-filter')) return;
    await loadLazyScript('evidence-filter');
    // The element is now upgraded and listens itself: replay the choice.
    event.target?.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
if (/[?&](cancer|evidence)=/.test(location.search)) void loadLazyScript('evidence-filter');
