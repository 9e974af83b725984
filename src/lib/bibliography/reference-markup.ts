/**
 * The markup of one reference entry, shared by chapter reference lists (a rehype plugin),
 * the /references/ page and citation previews, so a reference reads the same everywhere.
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { BibEntry } from './bibliography.ts';
import { identificationStatus, referenceLinks, referenceText, reviewNumberLabel } from './reference-format.ts';
import { missingDetailsNote } from './record-completeness.ts';

export interface ReferenceMarkupOptions {
  /** URL of the source review (its DOI link), reached from every entry. */
  reviewUrl: string;
  /** URL of the explanation of identification levels (/references/#identification, with the base path). */
  identificationUrl: string;
}

/** The body of one entry: lead, formatted text, status, links. */
export function referenceBody(entry: BibEntry, { reviewUrl, identificationUrl }: ReferenceMarkupOptions): ElementContent[] {
  const status = identificationStatus(entry);
  const text = referenceText(entry);
  const links = referenceLinks(entry);
  const body: ElementContent[] = [];
  if (status.lead) body.push(h('span.ref-lead', status.lead), { type: 'text', value: ' ' });
  if (text) body.push(h('span.ref-text', text));
  const meta: ElementContent[] = [];
  // Every identified or unidentified reference has a badge; each leads to the one explanation.
  if (status.label) {
    meta.push(h('a.ref-status', { href: identificationUrl, dataConfidence: status.confidence, title: 'What this means and how references were identified' }, status.label));
  }
  for (const link of links) {
    meta.push(h('a', { href: link.href, class: `ref-link ref-${link.kind}`, rel: 'noopener noreferrer' }, link.label));
  }
  meta.push(h('a.ref-review', { href: reviewUrl, rel: 'noopener noreferrer' }, reviewNumberLabel(entry)));
  // Spaces between the parts, so the entry reads as words in text-only and copied forms too.
  const space = (): ElementContent => ({ type: 'text', value: ' ' });
  body.push(space(), h('span.ref-meta', meta.flatMap((m, i) => (i ? [space(), m] : [m]))));
  if (status.note) body.push(space(), h('span.ref-note', status.note));
  // A record still lacking authors, title, journal or year says which, on every list that shows it.
  const missing = missingDetailsNote(entry);
  if (missing) body.push(space(), h('span.ref-note.ref-incomplete', missing));
  if (entry.siteNote) body.push(space(), h('span.ref-note.ref-site-note', [h('strong', 'Note:'), ' ', entry.siteNote]));
  return body;
}
