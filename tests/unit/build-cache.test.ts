import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
vi.stubEnv('BUILD_CACHE_DIR', dir);
const { cacheKey, cached, cachedSync } = await import('../../src/lib/site/build-cache.ts');
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('the build cache', () => {
  it('computes once, then reads the stored value for the same key', async () => {
    const compute = vi.fn(() => ({ laid: 'out' }));
    const key = cacheKey('layout', { nodes: [1, 2] });
    expect(await cached('layouts', key, compute)).toEqual({ laid: 'out' });
    expect(await cached('layouts', key, compute)).toEqual({ laid: 'out' });
    expect(compute).toHaveBeenCalledTimes(1);
    expect(readdirSync(join(dir, 'layouts'))).toEqual([`${key}.json`]);
  });

  it('a change in any input is a different key', () => {
    expect(cacheKey('a', { x: 1 })).not.toBe(cacheKey('a', { x: 2 }));
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('ab'));
  });

  it('an error is not cached: the next call computes again', () => {
    const key = cacheKey('bad');
    expect(() => cachedSync('factors', key, () => { throw new Error('bad data'); })).toThrow('bad data');
    expect(cachedSync('factors', key, () => 'fixed')).toBe('fixed');
  });
});
