/**
 * The evidence vocabulary and the reader's filter, as pure functions: the ladder, the badge in words,
 * the filter groups of a relation, the choice to and from the address, and the count sentence.
 */
import { describe, expect, it } from 'vitest';
import { evidenceBadge, evidenceVocabulary, filterGroups } from '../../src/lib/atlas/evidence.ts';
import { filterCount, filterFromSearch, searchForFilter, shownUnder } from '../../src/lib/atlas/evidence-filter.ts';

describe('the evidence vocabulary', () => {
  it('ranks the kinds of evidence from patients (1) down to the review’s own inference (last)', () => {
    const { evidence } = evidenceVocabulary();
    expect(evidence[0]).toMatchObject({ value: 'patients', rank: 1 });
    expect(evidence.at(-1)).toMatchObject({ value: 'inference', rank: evidence.length });
    expect(evidence.map((e) => e.rank)).toEqual(evidence.map((_, i) => i + 1));
  });

  it('names NSCLC, SCLC and unspecified lung cancer as the lung cancers, and nothing else', () => {
    expect(evidenceVocabulary().cancer.filter((c) => c.lung).map((c) => c.value)).toEqual(['nsclc', 'sclc', 'lung']);
  });

  it('the badge says the evidence and the cancer in words', () => {
    expect(evidenceBadge(['patient-samples'], ['lung', 'solid-tumours'])).toBe('patient samples · lung cancer (type not stated), solid tumours in general');
    expect(evidenceBadge(['animal-models'], ['breast'])).toBe('animal models · breast cancer');
  });
});

describe('the reader’s filter', () => {
  it('a relation is in the lung group when any of its cancers is a lung cancer, in the human group when any evidence is from patients or their samples', () => {
    expect(filterGroups(['animal-models'], ['sclc'])).toBe('lung');
    expect(filterGroups(['patients'], ['breast', 'lung'])).toBe('lung human');
    expect(filterGroups(['patient-samples'], ['myeloma'])).toBe('human');
    expect(filterGroups(['not-stated'], ['cancer'])).toBe('');
  });

  it('reads the choice from the address and writes it back, keeping other parameters', () => {
    expect(filterFromSearch('?cancer=lung')).toBe('lung');
    expect(filterFromSearch('?evidence=human&x=1')).toBe('human');
    expect(filterFromSearch('?cancer=breast')).toBe('all');
    expect(filterFromSearch('')).toBe('all');
    expect(searchForFilter('lung', '?x=1&evidence=human')).toBe('?x=1&cancer=lung');
    expect(searchForFilter('all', '?cancer=lung')).toBe('');
  });

  it('shows a relation under a choice only when it belongs to the chosen group; all shows everything, a gloss included', () => {
    expect(shownUnder('all', '')).toBe(true);
    expect(shownUnder('lung', 'lung human')).toBe(true);
    expect(shownUnder('human', 'lung')).toBe(false);
    expect(shownUnder('lung', '')).toBe(false);
  });

  it('says how many relations are shown', () => {
    expect(filterCount('lung', 7, 12)).toBe('7 of 12 relations come from lung cancer; the others are hidden from lists and greyed in figures.');
    expect(filterCount('human', 1, 3)).toBe('1 of 3 relations rests on human evidence (patients or patient samples); the others are hidden from lists and greyed in figures.');
    expect(filterCount('all', 12, 12)).toBe('12 relations shown: all evidence.');
    expect(filterCount('all', 1, 1)).toBe('1 relation shown: all evidence.');
  });
});
