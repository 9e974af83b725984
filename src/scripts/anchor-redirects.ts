/**
 * Keeps old and passage links landing in the right place:
 * - an anchor that moved (declared in content/redirects.yaml, embedded as #anchor-redirects) is
 *   replaced by its new target;
 * - a passage link "#section:~:text=..." opened in a browser without text fragments falls back to
 *   the section.
 */
import { landing } from '../lib/search/landing.ts';

function land(): void {
  const data = document.getElementById('anchor-redirects')?.textContent;
  // A Map of the declared entries only: a plain object would also answer "constructor" or "__proto__".
  const redirects = new Map(data ? Object.entries(JSON.parse(data) as Record<string, string>) : []);
  const action = landing(location.hash, (id) => document.getElementById(id) !== null, redirects);
  if (action && 'scrollTo' in action) document.getElementById(action.scrollTo)?.scrollIntoView();
  else if (action) location.replace(action.replace);
}

land();
addEventListener('hashchange', land);
