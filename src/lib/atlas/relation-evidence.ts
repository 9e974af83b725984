/**
 * The relation rule: a relation of the atlas that cites key K must be stated in the chapters.
 * Some passage that cites K (the text a citation group closes: everything since the previous
 * citation group of the same section, or since the section's start) must name both
 * factors, and every signal the relation passes through (`via`), by name, expansion or link alias.
 * So "A acts on B through X" is one statement of one passage, never two joined. A relation that explains rather than reports is an
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
  /** Of the factors the relation names (source, target, via), those the best passage citing the key leaves out. */
  missing: string[];
}

/** The factor ids a relation's statement names: its source, its target and the signals it passes through. */
export const statementIds = (factorId: string, r: Pick<FactorRelation, 'target' | 'via'>) => [factorId, r.target, ...(r.via ?? [])];

/** For one relation, the keys whose passages do not name all its factors, with what the closest passage leaves out. */
export function unstatedKeys(
  ids: readonly string[],
  keys: readonly string[],
  segments: readonly CitedSegment[],
  named: readonly ReadonlySet<string>[],
): { key: string; passagesCitingKey: number; missing: string[] }[] {
  const out: { key: string; passagesCitingKey: number; missing: string[] }[] = [];
  for (const key of keys) {
    const citing = segments.flatMap((s, i) => (s.keys.includes(key) ? [i] : []));
    let missing: string[] = [...ids];
    for (const i of citing) {
      const m = ids.filter((id) => !named[i]?.has(id));
      if (m.length < missing.length) missing = m;
      if (!m.length) break;
    }
    if (missing.length) out.push({ key, passagesCitingKey: citing.length, missing });
  }
  return out;
}

/** Which factors each passage names, for unstatedKeys. */
export function namedInSegments(factors: readonly Factor[], segments: readonly CitedSegment[]): Set<string>[] {
  const index = factorNameIndex(factors);
  return segments.map((s) => new Set(findMentions(s.text, index, { overlapping: true }).map((m) => m.factorId)));
}

/** Every (relation, key) pair that no passage citing the key supports by naming all the relation's factors. */
export function unstatedRelations(factors: readonly Factor[], segments: readonly CitedSegment[]): UnstatedRelation[] {
  const named = namedInSegments(factors, segments);
  const out: UnstatedRelation[] = [];
  for (const factor of factors) {
    factor.relations.forEach((relation, relationIndex) => {
      if (relation.gloss) return;
      for (const u of unstatedKeys(statementIds(factor.id, relation), relation.cites, segments, named)) out.push({ factor, relationIndex, relation, ...u });
    });
  }
  return out;
}

/** The message for one unstated relation, naming the file and line of the relation and what to do. */
export function unstatedMessage(u: UnstatedRelation, where: string): string {
  const { factor, relation, key } = u;
  const via = relation.via?.length ? ` through ${relation.via.join(', ')}` : '';
  const all = statementIds(factor.id, relation);
  const found = u.passagesCitingKey === 0
    ? `no chapter cites "${key}"`
    : `none of the ${u.passagesCitingKey} chapter passage${u.passagesCitingKey === 1 ? '' : 's'} citing "${key}" names all of ${all.join(', ')} (the closest leaves out ${u.missing.join(', ')})`;
  return (
    `${where}: relation "${factor.id} ${relation.type} ${relation.target}${via}" cites "${key}", but ${found}. ` +
    `Cite the key the review gives for this statement (the chapters must state it with that key), ` +
    (relation.via?.length ? 'or drop the signals the passage does not name from "via", ' : '') +
    `or, if it explains rather than reports, make it an uncited gloss: "gloss: true" and no "cites".`
  );
}
