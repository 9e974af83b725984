import { describe, expect, it } from 'vitest';
import { joinAdjacentMarks, wordStretches } from '../../src/lib/search/marks.ts';

describe('marked words are read as the names they spell', () => {
  it('marks separated only by a space or a hyphen become one run', () => {
    expect(joinAdjacentMarks('<mark>T</mark> <mark>cells</mark> drive')).toBe('<mark>T cells</mark> drive');
    expect(joinAdjacentMarks('<mark>non</mark>-<mark>small</mark> cell')).toBe('<mark>non-small</mark> cell');
  });

  it('marks with an unmarked word between them stay apart', () => {
    expect(joinAdjacentMarks('<mark>lactic</mark> and <mark>acid</mark>')).toBe('<mark>lactic</mark> and <mark>acid</mark>');
  });

  it('a run yields every stretch of its words, so a name inside a longer run is found', () => {
    const stretches = wordStretches('Bone metastases in lung cancer');
    expect(stretches).toContain('Bone metastases');
    expect(stretches).toContain('lung cancer');
    expect(stretches).toContain('Bone metastases in lung cancer');
    expect(stretches).not.toContain('Bone lung');
    expect(stretches).toHaveLength(15);
  });

  it('stretches keep the separators as typed and stop at the given length', () => {
    expect(wordStretches('IGF-1 receptor', 2)).toEqual(['IGF', 'IGF-1', '1', '1 receptor', 'receptor']);
  });
});
