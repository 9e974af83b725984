/**
 * The held-out search queries (tests/search/holdout.json) stay out of ranking work: ranking is
 * tuned on tests/search/queries.json, and the held-out set says whether the tuning generalises.
 * The file is pinned by its hash, and no commit may change it together with the ranking code.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const HOLDOUT = 'tests/search/holdout.json';
/** sha256 of tests/search/holdout.json. Change it only in a commit that changes no ranking code (see README, "Search quality"). */
const PINNED = '6fe1c98aba19dcad3bb4baf825a35897f84469b98619ad100bcbd57a47f9b8a6';
/** The code that decides what a reader sees first. */
const RANKING = /^(src\/lib\/search\/|src\/scripts\/site-search\.ts$|src\/integrations\/pagefind-index\.ts$|src\/pages\/search)/;

interface Query {
  query: string;
  expect: string[];
  category?: string;
}

describe('the held-out search queries', () => {
  it('are the pinned file: editing them means changing the pin, in plain sight', () => {
    expect(createHash('sha256').update(readFileSync(HOLDOUT)).digest('hex')).toBe(PINNED);
  });

  it('share no query with the tuning set, and each says where a reader expects to land', () => {
    const tuning = new Set((JSON.parse(readFileSync('tests/search/queries.json', 'utf8')) as Query[]).map((q) => q.query.toLowerCase()));
    const held = JSON.parse(readFileSync(HOLDOUT, 'utf8')) as Query[];
    expect(held.length).toBeGreaterThanOrEqual(25);
    for (const q of held) {
      expect(tuning.has(q.query.toLowerCase()), q.query).toBe(false);
      expect(q.expect.length, q.query).toBeGreaterThan(0);
    }
    expect(new Set(held.map((q) => q.category)).size).toBeGreaterThanOrEqual(6);
  });

  it('were never changed by a commit that also changed the ranking code', () => {
    let log: string;
    try {
      log = execFileSync('git', ['log', '--format=commit %H', '--name-only', '--', HOLDOUT], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`This test reads the history of ${HOLDOUT} with git, which failed: run the tests in a git clone of the repository. (${String(e)})`);
    }
    const commits = log.split('commit ').filter(Boolean).map((c) => c.trim().split('\n')[0] ?? '');
    expect(commits.length, `${HOLDOUT} has no history: run the tests in a git clone`).toBeGreaterThan(0);
    for (const commit of commits) {
      const files = execFileSync('git', ['show', '--format=', '--name-only', commit], { encoding: 'utf8' }).split('\n').filter(Boolean);
      expect(files.filter((f) => RANKING.test(f)), `commit ${commit} changed ${HOLDOUT} and ranking code together`).toEqual([]);
    }
  });
});
