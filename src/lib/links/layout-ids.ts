/**
 * Ids the chapter template and the citation plugins put on every chapter page. Headings may not take
 * them, and links may name them.
 */
export const CHAPTER_LAYOUT_IDS = ['main', 'chapter-title', 'contents', 'references', 'references-title', 'cite-this-page', 'cite-this-page-title'];

/** Prefixes of generated ids: reference entries (bib-), citations (citation--), cite blocks (cite-). */
export const GENERATED_ID_PREFIXES = ['cite-', 'bib-', 'citation--'];
