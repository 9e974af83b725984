/**
 * Serves the built site (dist/) once for every test file, the way `npm start` does, and checks
 * that a build exists: tests of the built site must not pass on a stale or missing dist/.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer, type StaticServer } from './static-server.ts';

let server: StaticServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ has no index.html: run "npm run build" first (npm test does it).');
  }
  const basePath = process.env['BASE_PATH'] ?? '/';
  server = await startStaticServer('dist', basePath);
  project.provide('siteUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
