/**
 * Loads the anchor fixes (/anchor-redirects.js: moved anchors, passage links in browsers without
 * text fragments) only when the address has a fragment, on arrival or later; a page opened without
 * one does not pay for them.
 */
import { loadLazyScript } from './lazy-script.ts';

const load = () => {
  if (location.hash.length > 1) void loadLazyScript('anchor-redirects');
};
load();
addEventListener('hashchange', load, { once: true });
