/**
 * Relations as English sentences: "PTHrP stimulates osteoblasts", "IL-6 is produced by cancer cells
 * in bone", "Osteoblasts stimulate osteoclasts", "BMPs come from the bone matrix". Cells and
 * conditions are named in the plural (they are populations), molecules in the singular; a subject
 * named in the plural ("BMPs", "EGFR-TKIs") takes a plural verb.
 */
import type { Factor, FactorKind, RelationType } from './factors.ts';

type Named = Pick<Factor, 'name' | 'kind'> & { plural?: string | undefined };

/** Kinds named in the plural when they are the subject or object of a relation. */
const POPULATIONS: ReadonlySet<FactorKind> = new Set(['cell', 'condition']);

/** True when a name is already plural: "BMPs", "EGFR-TKIs", "prostaglandins", "proteolytic enzymes". */
export function isPluralName(name: string): boolean {
  return /\p{L}s$/u.test(name) && !/(?:ss|us|is)$/.test(name);
}

/** The plural of a name: the `plural` field, or "cell" -> "cells" ("cancer cells in bone"), or an added "s". */
export function pluralOf(f: Pick<Named, 'name' | 'plural'>): string {
  if (f.plural) return f.plural;
  if (isPluralName(f.name)) return f.name;
  if (/\bcell\b/.test(f.name)) return f.name.replace(/\bcell\b/, 'cells');
  return `${f.name}s`;
}

/** How a factor is named in a relation, and whether that name is plural. */
export function relationName(f: Named): { text: string; plural: boolean } {
  if (POPULATIONS.has(f.kind)) return { text: pluralOf(f), plural: true };
  return { text: f.name, plural: isPluralName(f.name) };
}

/** A name that opens a sentence: "Osteoblasts", "Cisplatin", but "miR-33a", "γδ T cells" as written. A tissue takes "The". */
export function capitalised(name: string): string {
  const first = /^[a-z][a-z-]*(?=\s|$)/.exec(name);
  return first ? name[0]?.toUpperCase() + name.slice(1) : name;
}

function verbFor(type: RelationType, subject: Named, object: Named, plural: boolean): string {
  const be = plural ? 'are' : 'is';
  const s = (singular: string, pluralForm: string) => (plural ? pluralForm : singular);
  switch (type) {
    case 'stimulates':
      return s('stimulates', 'stimulate');
    case 'inhibits':
      return s('inhibits', 'inhibit');
    case 'degrades':
      return s('breaks down', 'break down');
    case 'resists':
      return s('resists', 'resist');
    case 'receptor-of':
      return s('is a receptor for', 'are receptors for');
    case 'marker-of':
      return s('is a marker of', 'are markers of');
    case 'precursor-of':
      return s('is a precursor of', 'are precursors of');
    case 'produced-by':
      if (object.kind === 'tissue') return subject.kind === 'receptor' ? `${be} found in` : s('comes from', 'come from');
      if (subject.kind === 'receptor') return `${be} carried by`;
      if (subject.kind === 'signalling') return `${be} active in`;
      return `${be} produced by`;
  }
}

export interface RelationPhrase {
  /** The subject as it opens the sentence. */
  subject: string;
  verb: string;
  /** "the " before a tissue ("the bone matrix"), or nothing. */
  article: string;
  /** The object, in the number the sentence needs. */
  object: string;
}

/** The relation `subject type object` as the parts of an English sentence. */
export function relationPhrase(subject: Named, type: RelationType, object: Named): RelationPhrase {
  const from = relationName(subject);
  const to = relationName(object);
  return {
    subject: subject.kind === 'tissue' ? `The ${from.text}` : capitalised(from.text),
    verb: verbFor(type, subject, object, from.plural),
    article: object.kind === 'tissue' ? 'the ' : '',
    object: to.text,
  };
}
