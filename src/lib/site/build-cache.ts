/**
 * A small on-disk cache for deterministic build work (diagram layouts, formatted references), keyed
 * by a hash of the inputs, like Astro's own build caches: unchanged inputs are not computed again.
 * BUILD_CACHE_DIR moves it; an empty value turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = process.env['BUILD_CACHE_DIR'] ?? 'node_modules/.cache/lung-cancer-bone';

export function cacheKey(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(typeof p === 'string' ? p : JSON.stringify(p)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

const fileOf = (namespace: string, key: string) => (ROOT ? join(ROOT, namespace, `${key}.json`) : '');

function store(file: string, value: unknown): void {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
}

/** The cached value for `key` in `namespace`, or the computed one (then cached). */
export async function cached<T>(namespace: string, key: string, compute: () => T | Promise<T>): Promise<T> {
  const file = fileOf(namespace, key);
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
  const value = await compute();
  store(file, value);
  return value;
}

/** The same, for work that must stay synchronous. */
export function cachedSync<T>(namespace: string, key: string, compute: () => T): T {
  const file = fileOf(namespace, key);
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
  const value = compute();
  store(file, value);
  return value;
}
