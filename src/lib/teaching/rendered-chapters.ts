/**
 * The chapters an embed build has already rendered, keyed on the chapter's id and content digest:
 * each chapter is rendered once for all its embed pages, and an edited chapter (a new digest, as in
 * `astro dev`) is rendered again.
 */
export const renderedChapters = new Map<string, string>();
