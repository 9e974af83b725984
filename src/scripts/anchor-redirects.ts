/**
 * Keeps old and passage links landing in the right place:
 * - an anchor that moved (declared in content/redirects.yaml, embedded as #anchor-redirects) is
 *   replaced by its new target;
 * - a passage link "#section:~:text=..." opened in a browser without text fragments falls back to
 *   the section.
 */
import { fragmentAnchor } from '../lib/text-fragment.ts';

function land(): void {
  const raw = location.hash;
  if (!raw) return;
  const id = fragmentAnchor(raw);
  if (id && document.getElementById(id)) {
    if (raw.includes(':~:')) document.getElementById(id)?.scrollIntoView();
    return;
  }
  const data = document.getElementById('anchor-redirects')?.textContent;
  const map = data ? (JSON.parse(data) as Record<string, string>) : {};
  const to = map[id];
  if (to) location.replace(to);
}

land();
addEventListener('hashchange', land);
