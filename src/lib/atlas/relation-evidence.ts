/**
 * The relation rule: a relation of the atlas that cites key K must be stated in the chapters.
 * Some passage that cites K (the text a citation group closes: everything since the previous
 * citation group of the same section, or since the section's start) must name both
 * factors, by name, expansion or link alias. A relation that explains rather than reports is an
 * explicit gloss, carries no citation, and is not checked.
 */
import { chapterModel } from '../chapters/chapter-model.ts';
import { factorNameIndex, findMentions } from './factor-mentions.ts';
import type { Factor, FactorRelation } from './factors.ts';

/** The text one citation group closes, and the keys of that group. */
export interface CitedSegment {
  chapterId: string;
  sectionId: string;
  text: string;
  keys: string[];
}

/**
 * Every citation group of a chapter (MDX source) with the text it closes: everything since the
 * previous citation group of the same section (its heading, or the chapter start), across
 * paragraphs, list items and table rows that carry no citation of their own. Read from the
 * chapter model's passages.
 */
export function citedSegments(chapterId: string, source: string): CitedSegment[] {
  return chapterModel(source).passages.map((p) => ({ chapterId, sectionId: p.sectionId, text: p.text, keys: p.keys }));
}

export interface UnstatedRelation {
  factor: Factor;
  /** Position of the relation in the factor's list, for line numbers. */
  relationIndex: number;
  relation: FactorRelation;
  key: string;
  /** How many chapter passages cite the key at all. */
  passagesCitingKey: number;
}

/** Every (relation, key) pair that no passage citing the key supports by naming both factors. */
export function unstatedRelations(factors: readonly Factor[], segments: readonly CitedSegment[]): UnstatedRelation[] {
  const index = factorNameIndex(factors);
  const named = segments.map((s) => new Set(findMentions(s.text, index, { overlapping: true }).map((m) => m.factorId)));
  const out: UnstatedRelation[] = [];
  for (const factor of factors) {
    factor.relations.forEach((relation, relationIndex) => {
      if (relation.gloss) return;
      for (const key of relation.cites) {
        const citing = segments.flatMap((s, i) => (s.keys.includes(key) ? [i] : []));
        const stated = citing.some((i) => named[i]?.has(factor.id) && named[i]?.has(relation.target));
        if (!stated) out.push({ factor, relationIndex, relation, key, passagesCitingKey: citing.length });
      }
    });
  }
  return out;
}

/** The message for one unstated relation, naming the file and line of the relation and what to do. */
export function unstatedMessage(u: UnstatedRelation, where: string): string {
  const { factor, relation, key } = u;
  const found = u.passagesCitingKey === 0
    ? `no chapter cites "${key}"`
    : `none of the ${u.passagesCitingKey} chapter passage${u.passagesCitingKey === 1 ? '' : 's'} citing "${key}" names both ${factor.id} and ${relation.target}`;
  return (
    `${where}: relation "${factor.id} ${relation.type} ${relation.target}" cites "${key}", but ${found}. ` +
    `Cite the key the review gives for this statement (the chapters must state it with that key), ` +
    `or, if it explains rather than reports, make it an uncited gloss: "gloss: true" and no "cites".`
  );
}
