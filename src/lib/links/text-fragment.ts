/**
 * Text-fragment links (`#:~:text=`) to a passage, as browsers that support them scroll to and
 * highlight it. Pure, so it is tested without a browser.
 */

/** Characters with a meaning inside a text directive must be percent-encoded, "-" and "," among them. */
export function encodeTextDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The directive for a selected passage: the whole text when short, otherwise its first and last
 * words as `start,end`, which match the passage without a long URL.
 */
export function textDirective(selection: string, edgeWords = 4): string {
  const words = selection.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (!words.length) return '';
  if (words.length <= edgeWords * 2 + 2) return `text=${encodeTextDirectivePart(words.join(' '))}`;
  const start = words.slice(0, edgeWords).join(' ');
  const end = words.slice(-edgeWords).join(' ');
  return `text=${encodeTextDirectivePart(start)},${encodeTextDirectivePart(end)}`;
}

/**
 * A URL that scrolls to the passage where text fragments work, and to its section where they do not
 * (the page's anchor script strips the directive there).
 */
export function passageUrl(pageUrl: string, sectionId: string, selection: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  const directive = textDirective(selection);
  const anchor = sectionId ? `#${sectionId}` : '#';
  return directive ? `${url.href}${anchor}:~:${directive}` : `${url.href}${sectionId ? anchor : ''}`;
}
