/**
 * Brings content/bibliography.bib up to date with the shared sources (bibliography.bib and its
 * CSL-JSON twin), keeping the fields only this project adds. Pure: scripts/sync-bibliography.mts
 * reads and writes the files; tests run the same function on the same inputs.
 *
 * The shared BibTeX is the authority for every field it has. This project adds, per entry:
 * - `pmid` and `pmcid` where the shared CSL-JSON has them (the shared BibTeX leaves PMCIDs out);
 * - `sitenote`, a note shown to readers with the entry, written here and kept across syncs.
 */

/** Fields the project adds to an entry; every other field comes from the shared BibTeX. */
export const PROJECT_FIELDS = ['pmid', 'pmcid', 'sitenote'] as const;

export interface BibField {
  name: string;
  value: string;
}

export interface BibBlock {
  type: string;
  key: string;
  fields: BibField[];
}

export interface ParsedBibText {
  /** Comment lines before the first entry. */
  header: string[];
  entries: BibBlock[];
}

const ENTRY_START = /^@(\w+)\{([^,\s]+),\s*$/;
const FIELD = /^\s+([A-Za-z]+)\s*=\s*\{(.*)\},?\s*$/;

/**
 * Reads BibTeX written one field a line (`  name = {value},`), as the shared file and this
 * project's file are. Anything else is an error naming the line, so a hand edit in another layout
 * is noticed rather than lost.
 */
export function parseBibText(text: string, file: string): ParsedBibText {
  const header: string[] = [];
  const entries: BibBlock[] = [];
  let open: BibBlock | undefined;
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (open) {
      if (/^\}\s*$/.test(line)) {
        entries.push(open);
        open = undefined;
        return;
      }
      const f = FIELD.exec(line);
      if (!f) throw new Error(`${where}: expected a field "  name = {value}," inside entry "${open.key}", found ${JSON.stringify(line)}. Write one field a line.`);
      open.fields.push({ name: (f[1] as string).toLowerCase(), value: f[2] as string });
      return;
    }
    const start = ENTRY_START.exec(line);
    if (start) {
      open = { type: start[1] as string, key: start[2] as string, fields: [] };
      return;
    }
    if (line.startsWith('%') && entries.length === 0) header.push(line);
    else if (line.trim() !== '' && !line.startsWith('%')) throw new Error(`${where}: ${JSON.stringify(line)} is outside any entry.`);
  });
  if (open) throw new Error(`${file}: entry "${(open as BibBlock).key}" is not closed by a "}" line.`);
  return { header, entries };
}

export function writeBibText({ header, entries }: ParsedBibText): string {
  const blocks = entries.map((e) => [`@${e.type}{${e.key},`, ...e.fields.map((f) => `  ${f.name} = {${f.value}},`), '}'].join('\n'));
  return `${[...header, '', blocks.join('\n\n')].join('\n')}\n`;
}

interface CslIds {
  id: string;
  PMID?: string;
  PMCID?: string;
}

export interface SyncResult {
  text: string;
  /** What changed, one line per field, for the script to print. */
  changes: string[];
}

const SYNC_NOTE =
  '% Synced from shared/sources by `npm run bib:sync` (scripts/sync-bibliography.mts). Project fields: pmid and pmcid (from bibliography.json), sitenote (a note shown to readers with the entry).';

/**
 * The project's bibliography: the shared BibTeX, plus pmid/pmcid from the shared CSL-JSON and the
 * project's own `sitenote` fields from its current file. Fields go in the shared order, project
 * fields before `reviewnumber`.
 */
export function syncBibliography(sharedBib: string, sharedCsl: readonly CslIds[], projectBib: string | undefined): SyncResult {
  const shared = parseBibText(sharedBib, 'shared/sources/bibliography.bib');
  const project = projectBib === undefined ? undefined : parseBibText(projectBib, 'content/bibliography.bib');
  const projectByKey = new Map(project?.entries.map((e) => [e.key, e]) ?? []);
  const cslByKey = new Map(sharedCsl.map((c) => [c.id, c]));
  const changes: string[] = [];

  const missing = project?.entries.filter((e) => !shared.entries.some((s) => s.key === e.key)).map((e) => e.key) ?? [];
  for (const key of missing) changes.push(`${key}: removed (no longer in the shared sources)`);

  const entries = shared.entries.map((s): BibBlock => {
    const old = projectByKey.get(s.key);
    const csl = cslByKey.get(s.key);
    const has = (name: string) => s.fields.some((f) => f.name === name);
    const added: BibField[] = [];
    const fromCsl: Record<string, string | undefined> = { pmid: csl?.PMID, pmcid: csl?.PMCID };
    for (const name of PROJECT_FIELDS) {
      if (has(name)) continue;
      const value = fromCsl[name] ?? old?.fields.find((f) => f.name === name)?.value;
      if (value) added.push({ name, value });
    }
    const at = s.fields.findIndex((f) => f.name === 'reviewnumber');
    const fields = at < 0 ? [...s.fields, ...added] : [...s.fields.slice(0, at), ...added, ...s.fields.slice(at)];
    if (!old) changes.push(`${s.key}: new entry`);
    else {
      const before = new Map(old.fields.map((f) => [f.name, f.value]));
      const after = new Map(fields.map((f) => [f.name, f.value]));
      for (const [name, value] of after) if (before.get(name) !== value) changes.push(`${s.key}: ${name} = {${value}}${before.has(name) ? ` (was {${before.get(name)}})` : ' (added)'}`);
      for (const name of before.keys()) if (!after.has(name)) changes.push(`${s.key}: ${name} removed`);
    }
    return { ...s, fields };
  });
  const header = [...shared.header.filter((l) => !l.startsWith('% Synced from')), SYNC_NOTE];
  return { text: writeBibText({ header, entries }), changes };
}
