/**
 * The reader's evidence filter, pure and free of the vocabulary tables so that the page script that
 * uses it stays tiny: the choice from and to the address (`?cancer=lung`, `?evidence=human`), whether
 * a relation is shown under it (by its `data-filter-groups`, set at build time by filterGroups() in
 * evidence.ts), and the sentence that says how many are shown.
 */

/** A reader's choice: all evidence, lung cancer only, human evidence only. */
export type EvidenceFilter = 'all' | 'lung' | 'human';

/** The choice from a page address's query string: `?cancer=lung`, `?evidence=human`; anything else is all. */
export function filterFromSearch(search: string): EvidenceFilter {
  const q = new URLSearchParams(search);
  if (q.get('cancer') === 'lung') return 'lung';
  if (q.get('evidence') === 'human') return 'human';
  return 'all';
}

/** The query string for a choice, keeping the address's other parameters. */
export function searchForFilter(filter: EvidenceFilter, search: string): string {
  const q = new URLSearchParams(search);
  q.delete('cancer');
  q.delete('evidence');
  if (filter === 'lung') q.set('cancer', 'lung');
  if (filter === 'human') q.set('evidence', 'human');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Whether a relation with these filter groups is shown under the choice. */
export const shownUnder = (filter: EvidenceFilter, groups: string) => filter === 'all' || groups.split(' ').includes(filter);

/** What the page says: "7 of 12 relations come from lung cancer." */
export function filterCount(filter: EvidenceFilter, shown: number, total: number): string {
  const noun = total === 1 ? 'relation' : 'relations';
  if (filter === 'all') return `${total} ${noun} shown: all evidence.`;
  const verb = shown === 1 ? 'comes' : 'come';
  const rests = shown === 1 ? 'rests' : 'rest';
  return filter === 'lung'
    ? `${shown} of ${total} ${noun} ${verb} from lung cancer; the others are hidden from lists and greyed in figures.`
    : `${shown} of ${total} ${noun} ${rests} on human evidence (patients or patient samples); the others are hidden from lists and greyed in figures.`;
}
