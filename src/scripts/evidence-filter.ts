/**
 * <evidence-filter>: the reader's choice of evidence (all, lung cancer only, human evidence only).
 * Sets `data-evidence-filter` on the root element, and CSS hides the relations outside the choice
 * from lists and greys their arrows in figures; keeps the choice in the address (`?cancer=lung`,
 * `?evidence=human`), so a filtered view can be linked and survives a reload; says how many relations
 * are shown, in a live region. Without JavaScript the control stays hidden and every relation shows.
 */
import { filterCount, filterFromSearch, searchForFilter, shownUnder, type EvidenceFilter } from '../lib/atlas/evidence-filter.ts';

const root = document.documentElement;

function apply(filter: EvidenceFilter): void {
  if (filter === 'all') delete root.dataset['evidenceFilter'];
  else root.dataset['evidenceFilter'] = filter;
  const lines = [...document.querySelectorAll<HTMLElement>('.relation-line')];
  const shown = lines.filter((l) => shownUnder(filter, l.dataset['filterGroups'] ?? '')).length;
  for (const c of document.querySelectorAll('evidence-filter')) {
    for (const r of c.querySelectorAll('input')) r.checked = r.value === filter;
    const count = c.querySelector('output');
    if (count) count.textContent = filterCount(filter, shown, lines.length);
  }
}

class EvidenceFilterElement extends HTMLElement {
  connectedCallback(): void {
    this.hidden = false;
    this.addEventListener('change', (e) => {
      const filter = (e.target as HTMLInputElement).value as EvidenceFilter;
      history.replaceState(history.state, '', `${location.pathname}${searchForFilter(filter, location.search)}${location.hash}`);
      apply(filter);
    });
    apply(filterFromSearch(location.search));
  }
}

if (!customElements.get('evidence-filter')) customElements.define('evidence-filter', EvidenceFilterElement);
