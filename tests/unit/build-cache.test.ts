import { afterAll, describe, expect, it, vi } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
vi.stubEnv('BUILD_CACHE_DIR', dir);
const { cacheKey, cachedSync, codeHash, moduleClosure, relativeImports } = await import('../../src/lib/site/build-cache.ts');
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** A scratch folder of modules: `check.ts` imports `./rule.ts`, which imports `./words.ts`. */
function scratchModules(): { root: string; check: string; rule: string } {
  const root = mkdtempSync(join(tmpdir(), 'build-cache-code-'));
  writeFileSync(join(root, 'check.ts'), "import { rule } from './rule.ts';\nexport const check = (x: string) => rule(x);\n");
  writeFileSync(join(root, 'rule.ts'), "import { WORDS } from './words.ts';\nexport const rule = (x: string) => WORDS.includes(x);\n");
  writeFileSync(join(root, 'words.ts'), "export const WORDS = ['bone'];\n");
  return { root, check: join(root, 'check.ts'), rule: join(root, 'rule.ts') };
}

describe('the build cache', () => {
  const code = ['src/lib/site/build-cache.ts'];

  it('computes once, then reads the stored value for the same inputs and code', () => {
    const compute = vi.fn(() => ({ laid: 'out' }));
    const inputs = cacheKey('layout', { nodes: [1, 2] });
    expect(cachedSync({ namespace: 'layouts', inputs, code }, compute)).toEqual({ laid: 'out' });
    expect(cachedSync({ namespace: 'layouts', inputs, code }, compute)).toEqual({ laid: 'out' });
    expect(compute).toHaveBeenCalledTimes(1);
    expect(readdirSync(join(dir, 'layouts'))).toHaveLength(1);
  });

  it('a change in any input is a different key', () => {
    expect(cacheKey('a', { x: 1 })).not.toBe(cacheKey('a', { x: 2 }));
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('ab'));
  });

  it('an error is not cached: the next call computes again', () => {
    const inputs = cacheKey('bad');
    expect(() => cachedSync({ namespace: 'factors', inputs, code }, () => { throw new Error('bad data'); })).toThrow('bad data');
    expect(cachedSync({ namespace: 'factors', inputs, code }, () => 'fixed')).toBe('fixed');
  });
});

describe('the build cache is keyed on the code that computes an entry', () => {
  it('finds relative imports, static, side-effect and dynamic, and skips the ones in comments and packages', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b/b.ts';",
      "import {\n  c,\n  d,\n} from './cd.ts';",
      "export * from './e.ts';",
      "import './side-effect.ts';",
      "const f = await import('./f.ts');",
      "import { z } from 'zod';",
      "// import { old } from './old.ts';",
      "/** Example: import { g } from './g.ts'; */",
    ].join('\n');
    expect(relativeImports(source)).toEqual(['./a.ts', '../b/b.ts', './cd.ts', './e.ts', './side-effect.ts', './f.ts']);
  });

  it('a module’s code takes in what it imports, transitively', () => {
    const { root, check } = scratchModules();
    try {
      expect(moduleClosure([check]).map((f) => relative(relative(process.cwd(), root), f))).toEqual(['check.ts', 'rule.ts', 'words.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a changed module two imports away misses the cache, and the entry is computed again', () => {
    const { root, check } = scratchModules();
    try {
      const entry = { namespace: 'checked', inputs: cacheKey('the same content'), code: [check] };
      const compute = vi.fn(() => 'all valid');
      cachedSync(entry, compute);
      cachedSync(entry, compute);
      expect(compute).toHaveBeenCalledTimes(1);
      writeFileSync(join(root, 'words.ts'), "export const WORDS = ['bone', 'lung'];\n");
      cachedSync(entry, compute);
      expect(compute).toHaveBeenCalledTimes(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('replacing the factor atlas’s relation check (in a copy of src/) misses the cache of the checked factor data', () => {
    // The copy holds every module behind src/lib/atlas/factors.ts; the cache key is computed from it.
    const copy = mkdtempSync(join(tmpdir(), 'build-cache-src-'));
    try {
      const files = moduleClosure(['src/lib/atlas/factors.ts']);
      expect(files).toContain('src/lib/atlas/relation-evidence.ts');
      for (const f of files) {
        mkdirSync(dirname(join(copy, f)), { recursive: true });
        cpSync(f, join(copy, f));
      }
      const entry = { namespace: 'factors', inputs: cacheKey('content/factors.yaml', 'unchanged data'), code: [join(copy, 'src/lib/atlas/factors.ts')] };
      const compute = vi.fn(() => 'all valid');
      cachedSync(entry, compute);
      cachedSync(entry, compute);
      expect(compute).toHaveBeenCalledTimes(1);
      const check = join(copy, 'src/lib/atlas/relation-evidence.ts');
      expect(readFileSync(check, 'utf8')).toMatch(/export function unstatedRelations/);
      appendFileSync(check, '\nexport const rejectEverything = true;\n');
      cachedSync(entry, () => 'checked again');
      expect(cachedSync(entry, compute)).toBe('checked again');
      expect(compute).toHaveBeenCalledTimes(1);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('the installed libraries are part of the code: a changed lock file changes the hash', () => {
    const { root, check } = scratchModules();
    try {
      const lock = join(root, 'package-lock.json');
      writeFileSync(lock, '{"packages":{"node_modules/zod":{"version":"4.6.7"}}}');
      const before = codeHash([check], lock);
      writeFileSync(lock, '{"packages":{"node_modules/zod":{"version":"4.6.8"}}}');
      expect(codeHash([check], lock)).not.toBe(before);
      expect(codeHash([check], 'package-lock.json')).not.toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a module named as code that does not exist, or an import that names no file, is an error saying what to fix', () => {
    expect(() => codeHash(['src/lib/no-such-module.ts'])).toThrow(/src\/lib\/no-such-module\.ts named as the code of a cache entry does not exist/);
    const { root, check } = scratchModules();
    try {
      writeFileSync(join(root, 'rule.ts'), "import { WORDS } from './missing.ts';\nexport const rule = (x: string) => WORDS.includes(x);\n");
      expect(() => codeHash([check])).toThrow(/rule\.ts imports "\.\/missing\.ts", which is not a file/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('every module that uses the cache names itself as the code of its entries', () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const users = walk('src').filter((f) => f !== join('src', 'lib', 'site', 'build-cache.ts') && /\bcachedSync\(/.test(readFileSync(f, 'utf8')));
    expect(users.length).toBeGreaterThanOrEqual(4);
    for (const f of users) {
      const text = readFileSync(f, 'utf8');
      const calls = text.split(/\bcachedSync\(/).slice(1);
      for (const call of calls) expect(call, f).toMatch(new RegExp(`^\\{[^}]*code: \\['${f.split('\\').join('/').replace(/[.]/g, '\\.')}'`));
    }
  });
});
