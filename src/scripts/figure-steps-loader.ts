/**
 * Shows each figure's "Step through" control and loads the step-through itself (/figure-steps.js) on
 * the first press, so a first visit does not pay for it. Without JavaScript the steps stay a list.
 */
import { loadLazyScript } from './lazy-script.ts';

for (const steps of document.querySelectorAll('figure-steps')) {
  const controls = steps.querySelector<HTMLElement>('.fig-step-controls');
  if (!controls) continue;
  controls.hidden = false;
  controls.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || customElements.get('figure-steps')) return;
    await loadLazyScript('figure-steps');
    // The element is now upgraded and listens itself: replay the press.
    button.click();
  });
}
