/** Checks content/factors.yaml against its schema and the bibliography: npx node scripts/check-factors.mts */
import { loadBibliography } from '../src/lib/bibliography/bibliography.ts';
import { loadFactors } from '../src/lib/atlas/factors.ts';

const bib = loadBibliography('content/bibliography.bib');
const factors = loadFactors('content/factors.yaml', 'content/factors.yaml', { knownKeys: new Set(bib.entries.keys()) });
console.log(`${factors.length} factors, ${factors.reduce((n, f) => n + f.relations.length, 0)} relations: all valid`);
