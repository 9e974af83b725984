/** Runs a real `astro build` with fixture inputs and returns how it ended (and, if kept, its output). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Builds share the project's .astro/ folder (generated types and content modules), so two of them
 * must not run at once: test files of the fixture-builds project may run beside each other (and
 * beside the unit tests), and each build waits here for the one before it. The lock is a folder
 * holding the owner's process id; a lock whose owner is gone, or older than a build may take, is taken over.
 */
const LOCK = join('node_modules', '.cache', 'fixture-build.lock');
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
function withBuildLock<T>(run: () => T): T {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  mkdirSync(join('node_modules', '.cache'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        // Just made, its pid not yet written: wait.
      }
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if ((Number.isInteger(owner) && owner !== process.pid && !alive(owner)) || age > 240_000) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 250);
    }
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function buildWith(env: Record<string, string>, { keep = false } = {}): BuildResult {
  const scratch = mkdtempSync(join(tmpdir(), 'fixture-build-'));
  const cleanup = () => rmSync(scratch, { recursive: true, force: true });
  try {
    const run = withBuildLock(() => spawnSync('npx', ['astro', 'build', '--outDir', join(scratch, 'dist')], {
      env: { ...cleanEnv(), ...env, ASTRO_CACHE_DIR: join(scratch, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 180_000,
    }));
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
