/**
 * Pagefind's excerpts mark matches word by word ("<mark>T</mark> <mark>cells</mark>"). To recognise
 * a many-word factor name among the marks, neighbouring marks are joined into one run, and each run
 * yields every stretch of its words. Pure.
 */

/** Joins marks separated only by spaces or hyphens: "<mark>T</mark> <mark>cells</mark>" -> "<mark>T cells</mark>". */
export function joinAdjacentMarks(excerpt: string): string {
  return excerpt.replace(/<\/mark>([\s\u00a0-]+)<mark>/g, '$1');
}

/**
 * Every stretch of neighbouring words of a marked run, separators kept, up to `max` words:
 * "Bone metastases in" -> "Bone", "Bone metastases", "Bone metastases in", "metastases", ...
 */
export function wordStretches(run: string, max = 12): string[] {
  const parts = run.split(/([\s\u00a0-]+)/); // words at even places, separators at odd ones
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (!parts[i]) continue;
    for (let j = i; j < parts.length && (j - i) / 2 < max; j += 2) out.push(parts.slice(i, j + 1).join(''));
  }
  return out;
}
