/** Every built page is valid HTML by html-validate's recommended rules (config: .htmlvalidate.json). */
import { describe, expect, it } from 'vitest';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { builtPages } from '../helpers/dist.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('HTML validity', () => {
  it('every built page has zero html-validate errors', async () => {
    const errors: string[] = [];
    for (const page of builtPages().values()) {
      const report = await validator.validateString(page.html, page.file);
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${page.path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(builtPages().size).toBeGreaterThan(70);
    expect(errors).toEqual([]);
  });
});
