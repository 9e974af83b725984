/**
 * The sections that cite a reference, carried in a Pagefind meta value (meta values are strings):
 * "label<TAB>href" pairs, one a line. Tiny and dependency-free: the search page ships it.
 */
export interface CitingSection {
  label: string;
  href: string;
}

/** Cited-in links in a Pagefind meta value: "label\thref" pairs, one a line. */
export function encodeCitedIn(citedIn: readonly CitingSection[]): string {
  return citedIn.map((c) => `${c.label.replace(/[\t\n]/g, ' ')}\t${c.href}`).join('\n');
}

export function decodeCitedIn(meta: string | undefined): CitingSection[] {
  return (meta ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [label = '', href = ''] = line.split('\t');
      return { label, href };
    })
    .filter((c) => c.label && c.href);
}
