/** Runs a real `astro build` with fixture inputs and returns how it ended (and, if kept, its output). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
  /** The built site, when `keep` was asked for; remove it with `cleanup`. */
  outDir: string;
  cleanup(): void;
}

/**
 * The environment of the test process, minus what vitest adds: Astro would inline BASE_URL, MODE,
 * DEV, PROD and SSR from it into the child build.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  return env;
}

export function buildWith(env: Record<string, string>, { keep = false } = {}): BuildResult {
  const scratch = mkdtempSync(join(tmpdir(), 'fixture-build-'));
  const cleanup = () => rmSync(scratch, { recursive: true, force: true });
  try {
    const run = spawnSync('npx', ['astro', 'build', '--outDir', join(scratch, 'dist')], {
      env: { ...cleanEnv(), ...env, ASTRO_CACHE_DIR: join(scratch, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    // eslint-disable-next-line no-control-regex
    return { status: run.status, output: `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''), outDir: join(scratch, 'dist'), cleanup };
  } finally {
    if (!keep) cleanup();
  }
}

/** A fixture build served as a static host would, with Chromium ready; `close` undoes all three. */
export interface ServedBuild {
  build: BuildResult;
  server: import('./static-server.ts').StaticServer;
  browser: import('playwright-core').Browser;
  close(): Promise<void>;
}

export async function buildAndServe(env: Record<string, string>, base = '/'): Promise<ServedBuild> {
  const { startStaticServer } = await import('./static-server.ts');
  const { launchChromium } = await import('./browser.ts');
  const build = buildWith(env, { keep: true });
  if (build.status !== 0) {
    build.cleanup();
    throw new Error(`the fixture build failed:\n${build.output.slice(-3000)}`);
  }
  const server = await startStaticServer(build.outDir, base);
  const browser = await launchChromium();
  return {
    build,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      build.cleanup();
    },
  };
}
