/**
 * The published vocabulary of evidence (/evidence.json, explained once on /about/#evidence): what
 * kind of evidence a relation of the atlas rests on, as a ladder from patients down to the review's
 * own inference, and which cancer it comes from. Every cited relation names both, checked at build
 * time; readers see them as a badge in words and can filter by them (lung cancer only, human only).
 * Pure: the filter script of the pages uses the same functions.
 */

export const EVIDENCE_KINDS = [
  { value: 'patients', label: 'patients (clinical data)', explanation: 'Observed in patients: clinical outcomes, trials, measurements such as serum levels.' },
  { value: 'patient-samples', label: 'patient samples', explanation: "Measured in material taken from patients: blood, biopsies, cultures of patients' cells." },
  { value: 'human-cell-lines', label: 'human cell lines', explanation: 'Shown in established human cancer cell lines grown in the laboratory.' },
  { value: 'animal-models', label: 'animal models', explanation: 'Shown in animals, usually mice carrying tumours.' },
  {
    value: 'not-stated',
    label: 'kind of study not stated',
    explanation: 'The review cites the work for this statement without saying whether it comes from patients, samples, cell lines or animals.',
  },
  { value: 'inference', label: "the review's own inference", explanation: 'The review concludes it from other findings; no study it cites shows it directly.' },
] as const;

export const CANCERS = [
  { value: 'nsclc', label: 'NSCLC', lung: true },
  { value: 'sclc', label: 'SCLC', lung: true },
  { value: 'lung', label: 'lung cancer (type not stated)', lung: true },
  { value: 'breast', label: 'breast cancer', lung: false },
  { value: 'prostate', label: 'prostate cancer', lung: false },
  { value: 'myeloma', label: 'multiple myeloma', lung: false },
  { value: 'solid-tumours', label: 'solid tumours in general', lung: false },
  { value: 'cancer', label: 'cancer in general', lung: false },
  { value: 'bone-biology', label: 'normal bone biology', lung: false },
] as const;

export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]['value'];
export type Cancer = (typeof CANCERS)[number]['value'];

export const EVIDENCE_VALUES = EVIDENCE_KINDS.map((k) => k.value) as [EvidenceKind, ...EvidenceKind[]];
export const CANCER_VALUES = CANCERS.map((c) => c.value) as [Cancer, ...Cancer[]];

/** Kinds of evidence that count as human evidence for the filter. */
export const HUMAN_EVIDENCE: ReadonlySet<EvidenceKind> = new Set(['patients', 'patient-samples']);
/** Cancers that count as lung cancer for the filter. */
export const LUNG_CANCERS: ReadonlySet<Cancer> = new Set(CANCERS.filter((c) => c.lung).map((c) => c.value));

/** Where the vocabulary is explained; every badge links here. */
export const EVIDENCE_EXPLANATION_PATH = '/about/#evidence';

/** The document published at /evidence.json. */
export function evidenceVocabulary() {
  return {
    explanation: EVIDENCE_EXPLANATION_PATH,
    evidence: EVIDENCE_KINDS.map((k, i) => ({ value: k.value, label: k.label, rank: i + 1, explanation: k.explanation })),
    cancer: CANCERS.map((c) => ({ value: c.value, label: c.label, lung: c.lung })),
    filters: {
      cancer: { lung: [...LUNG_CANCERS] },
      evidence: { human: [...HUMAN_EVIDENCE] },
    },
  };
}

const kindLabel = new Map<string, string>(EVIDENCE_KINDS.map((k) => [k.value, k.label]));
const cancerLabel = new Map<string, string>(CANCERS.map((c) => [c.value, c.label]));

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The badge in words: "patient samples · lung cancer (type not stated), solid tumours in general". */
export function evidenceBadge(evidence: readonly EvidenceKind[], cancer: readonly Cancer[]): string {
  return `${evidence.map((e) => kindLabel.get(e) ?? e).join(', ')} · ${cancer.map((c) => cancerLabel.get(c) ?? c).join(', ')}`;
}

/** The filter groups a relation belongs to, as a space-separated attribute value: "lung human". */
export function filterGroups(evidence: readonly string[], cancer: readonly string[]): string {
  const groups: string[] = [];
  if (cancer.some((c) => LUNG_CANCERS.has(c as Cancer))) groups.push('lung');
  if (evidence.some((e) => HUMAN_EVIDENCE.has(e as EvidenceKind))) groups.push('human');
  return groups.join(' ');
}

