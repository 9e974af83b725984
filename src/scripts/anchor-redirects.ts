/**
 * Keeps old and passage links landing in the right place:
 * - an anchor that moved (declared in content/redirects.yaml, embedded as #anchor-redirects) is
 *   replaced by its new target;
 * - a passage link "#section:~:text=..." opened in a browser without text fragments falls back to
 *   the section;
 * - on a moved page's old address, the reader goes on to the new page and the same section.
 */
import { landing, movedLanding } from '../lib/search/landing.ts';

function land(): void {
  const data = document.getElementById('anchor-redirects')?.textContent;
  // A Map of the declared entries only: a plain object would also answer "constructor" or "__proto__".
  const redirects = new Map(data ? Object.entries(JSON.parse(data) as Record<string, string>) : []);
  // A moved page's old address: go on to the new page with the section asked for (the meta
  // refresh, for readers without JavaScript, can only lead to the top of the new page).
  const movedTo = document.querySelector<HTMLElement>('[data-moved-to]')?.dataset['movedTo'];
  if (movedTo) return location.replace(movedLanding(location.hash, movedTo, redirects));
  const action = landing(location.hash, (id) => document.getElementById(id) !== null, redirects);
  if (action && 'scrollTo' in action) document.getElementById(action.scrollTo)?.scrollIntoView();
  else if (action) location.replace(action.replace);
}

land();
addEventListener('hashchange', land);
