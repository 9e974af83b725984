/** Runs a real `astro build` with fixture inputs and returns how it ended. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
}

export function buildWith(env: Record<string, string>): BuildResult {
  const scratch = mkdtempSync(join(tmpdir(), 'fixture-build-'));
  try {
    const run = spawnSync('npx', ['astro', 'build', '--outDir', join(scratch, 'dist')], {
      env: { ...process.env, ...env, ASTRO_CACHE_DIR: join(scratch, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    // eslint-disable-next-line no-control-regex
    return { status: run.status, output: `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
