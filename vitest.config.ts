import { defineConfig } from 'vitest/config';

/**
 * Three projects, one run (`npm test` builds dist/ first):
 * - unit: pure logic, no build. No per-file isolation: the files share two workers and load the
 *   modules once, instead of once per file.
 * - fixture-builds: real builds of bad inputs that must fail, and one fixture site served under
 *   /review/. They need no dist/ and run beside the unit tests (sequence.groupOrder 0); their builds
 *   take turns (tests/helpers/build-fixture.ts).
 * - site: dist/ served once (tests/helpers/global-setup.ts) and, with no per-file isolation, parsed
 *   once (tests/helpers/dist.ts); checked as files and in Chromium, one file at a time after the
 *   first two projects (groupOrder 1): the browser tests share the machine.
 */
/** Test files that only make their own builds (tests/helpers/build-fixture.ts) and never read dist/. */
const FIXTURE_BUILDS = [
  'tests/build/bad-input.test.ts',
  'tests/build/bad-content.test.ts',
  'tests/build/bad-data.test.ts',
  'tests/build/atlas-relations.test.ts',
  'tests/e2e/base-path.test.ts',
  'tests/e2e/redirects.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // A build may wait for the one the other worker is running (at most 180 s each, build-fixture.ts).
        test: { name: 'fixture-builds', include: FIXTURE_BUILDS, maxWorkers: 2, sequence: { groupOrder: 0 }, testTimeout: 400_000, hookTimeout: 400_000 },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          exclude: FIXTURE_BUILDS,
          globalSetup: ['tests/helpers/global-setup.ts'],
          maxWorkers: 1,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
