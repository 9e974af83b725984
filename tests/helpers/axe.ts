/** Runs axe-core in a page with the WCAG 2.0-2.2 A and AA rules and returns its violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/**
 * axe's violations on the page: every WCAG A/AA rule, or with `only: 'colour'` just the A/AA rules of
 * axe's colour category (color-contrast, link-in-text-block), for a second theme whose only change is colour.
 */
export async function axeViolations(page: Page, { only }: { only?: 'colour' } = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: axeSource });
  const tags = JSON.stringify(WCAG_TAGS);
  const runOnly =
    only === 'colour'
      ? `{ type: 'rule', values: axe.getRules(['cat.color']).filter((r) => r.tags.some((t) => ${tags}.includes(t))).map((r) => r.ruleId) }`
      : `{ type: 'tag', values: ${tags} }`;
  // A string, not a function: vitest would rewrite code inside a function passed to evaluate.
  const result = (await page.evaluate(`axe.run(document, { runOnly: ${runOnly}, resultTypes: ['violations'] })`)) as { violations: AxeViolation[] };
  return result.violations;
}

/** The ids of the rules `axeViolations(page, { only: 'colour' })` runs. */
export async function colourRules(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: axeSource });
  return (await page.evaluate(`axe.getRules(['cat.color']).filter((r) => r.tags.some((t) => ${JSON.stringify(WCAG_TAGS)}.includes(t))).map((r) => r.ruleId)`)) as string[];
}

/** One line per violation, for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}
