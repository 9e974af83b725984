/**
 * Where a figure's phone drawing shows (a narrow screen), loads /figure-phone.js, which puts it
 * inline (figure-phone.ts); on a wide screen nothing, until the screen narrows.
 */
import { loadLazyScript } from './lazy-script.ts';

const narrow = matchMedia('(max-width: 39.99rem)');
const check = () => {
  if (!document.querySelector('img.fig-phone')) return;
  if (narrow.matches) void loadLazyScript('figure-phone');
  else narrow.addEventListener('change', check, { once: true });
};
check();
