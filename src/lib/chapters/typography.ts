/**
 * Typewriter marks in prose. The build prints a chapter's text as written: it does not turn quotes
 * and dashes into typographic ones (smartypants was the slowest step of each chapter's Markdown), so
 * a straight quote, a double hyphen or three dots would show as typed. The chapter rules
 * (chapter-rules.ts) and the remark plugin that checks every other MDX file of the site
 * (src/plugins/remark-typography.ts) report them with this one list.
 */
const TYPEWRITER: [RegExp, string][] = [
  [/'/g, "a straight apostrophe or quote (') in prose, which the page would show as typed. Write ’ for an apostrophe or a closing quote, ‘…’ around a quotation"],
  [/"/g, 'a straight double quote (") in prose, which the page would show as typed. Write “…” around a quotation'],
  [/(?<!-)--(?!-)|---/g, 'hyphens standing for a dash ("--" or "---") in prose, which the page would show as typed. Write – (en dash: ranges, "bone–tumour") or — (em dash)'],
  [/\.\.\./g, 'three dots ("...") in prose, which the page would show as typed. Write … (one character)'],
];

export interface TypewriterMark {
  line: number;
  column: number;
  message: string;
}

/** Every typewriter mark of a text node that starts at `line`, `column`, with where it is and what to write. */
export function typewriterMarks(text: string, line: number, column: number): TypewriterMark[] {
  const out: TypewriterMark[] = [];
  for (const [pattern, message] of TYPEWRITER) {
    for (const m of text.matchAll(pattern)) {
      const before = text.slice(0, m.index);
      const newlines = before.split('\n').length - 1;
      const col = newlines ? before.length - before.lastIndexOf('\n') : column + before.length;
      out.push({ line: line + newlines, column: col, message: `${message}.` });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
