/**
 * Checks content/factors.yaml against its schema, the bibliography and the chapters (every cited
 * relation stated with its key in a chapter passage): node scripts/check-factors.mts
 */
import { loadBibliography } from '../src/lib/bibliography/bibliography.ts';
import { loadFactors, readChapterSources } from '../src/lib/atlas/factors.ts';

const bib = loadBibliography('content/bibliography.bib');
const factors = loadFactors('content/factors.yaml', 'content/factors.yaml', { knownKeys: new Set(bib.entries.keys()), chapters: readChapterSources('content/chapters') });
const relations = factors.flatMap((f) => f.relations);
const glosses = relations.filter((r) => r.gloss).length;
console.log(`${factors.length} factors, ${relations.length} relations (${relations.length - glosses} cited, each stated in the chapters with its key; ${glosses} glosses): all valid`);
