/**
 * A small on-disk cache for deterministic build work (diagram PNGs, formatted references, checked
 * factor data and bibliography), like Astro's own build caches: unchanged work is not done again.
 *
 * An entry is keyed on its inputs AND on the code that computes it: each caller names its own
 * module (`code`), and the key takes in that file, every module it imports by a relative path
 * (followed transitively), and package-lock.json (the installed libraries). So a changed check, in
 * the caller or in anything it imports, misses the cache instead of returning the old verdict.
 * BUILD_CACHE_DIR moves the cache; an empty value turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = process.env['BUILD_CACHE_DIR'] ?? 'node_modules/.cache/lung-cancer-bone';

export function cacheKey(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(typeof p === 'string' ? p : JSON.stringify(p)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** Relative module specifiers of a source text: `from './x.ts'`, `import './x.ts'`, `import('../y.ts')`. */
const RELATIVE_IMPORT = /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Comments, which may show imports as examples. */
const COMMENT = /\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/.*$/gm;

export function relativeImports(source: string): string[] {
  return [...source.replace(COMMENT, '$1').matchAll(RELATIVE_IMPORT)].map((m) => (m[1] ?? m[2] ?? '').replace(/\?.*$/, ''));
}

/** The file a relative specifier names: as written, or with `.js` read as `.ts`, `.ts` added, or `/index.ts`. */
function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) {
    throw new Error(`build cache: ${relative(process.cwd(), from)} imports "${specifier}", which is not a file. The cache hashes the code behind each entry: fix the import.`);
  }
  return found;
}

interface FileFacts {
  mtimeMs: number;
  size: number;
  hash: string;
  imports: string[];
}
const facts = new Map<string, FileFacts>();

/** Hash and relative imports of a file, read again only when its size or time changed. */
function factsOf(file: string): FileFacts {
  const st = statSync(file);
  const known = facts.get(file);
  if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) return known;
  const text = readFileSync(file, 'utf8');
  const isModule = /\.(ts|mts|js|mjs)$/.test(file);
  const fresh = {
    mtimeMs: st.mtimeMs,
    size: st.size,
    hash: createHash('sha256').update(text).digest('hex'),
    imports: isModule ? relativeImports(text).map((s) => resolveImport(file, s)) : [],
  };
  facts.set(file, fresh);
  return fresh;
}

/**
 * The source files behind `modules` (paths from the project root): the modules themselves and every
 * module they import by a relative path, transitively; project-relative, sorted.
 */
export function moduleClosure(modules: readonly string[]): string[] {
  const seen = new Set<string>();
  const todo = modules.map((m) => {
    const file = resolve(m);
    if (!existsSync(file)) throw new Error(`build cache: the module ${m} named as the code of a cache entry does not exist. Name the module that computes the entry, from the project root.`);
    return file;
  });
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...factsOf(file).imports);
  }
  return [...seen].map((f) => relative(process.cwd(), f).split('\\').join('/')).sort();
}

/** A hash of the code behind `modules`: every file of their closure, and the lock file of the installed libraries when there is one. */
export function codeHash(modules: readonly string[], lockFile = 'package-lock.json'): string {
  const hash = createHash('sha256');
  for (const file of moduleClosure(modules)) hash.update(file).update('\0').update(factsOf(resolve(file)).hash).update('\0');
  const lock = resolve(lockFile);
  if (existsSync(lock)) hash.update(factsOf(lock).hash);
  return hash.digest('hex').slice(0, 32);
}

export interface CacheEntry {
  /** A folder of the cache, one per kind of work. */
  namespace: string;
  /** A hash of the inputs (cacheKey). */
  inputs: string;
  /**
   * The module that computes the value, from the project root (the caller's own file); what it
   * imports is followed. tests/unit/build-cache.test.ts checks that every caller names itself.
   */
  code: readonly string[];
}

/** The file that holds an entry: its inputs and its code hashed together. */
export function entryFile(entry: CacheEntry): string {
  return ROOT ? join(ROOT, entry.namespace, `${cacheKey(entry.inputs, codeHash(entry.code))}.json`) : '';
}

/** The cached value of `entry`, or the computed one (then cached). An error is not cached. */
export function cachedSync<T>(entry: CacheEntry, compute: () => T): T {
  const file = entryFile(entry);
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
  const value = compute();
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(value));
  }
  return value;
}
