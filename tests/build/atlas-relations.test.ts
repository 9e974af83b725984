/**
 * The relation rule runs in the build: a factor file with a relation the chapters do not state
 * with its key stops a real build, naming the file, the line, the relation, the key and the fix.
 * (No figures: the real ones draw factors this two-factor atlas does not have, which the
 * content-data stage would report first.)
 */
import { describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/build-fixture.ts';

describe('the relation rule in the build', () => {
  it('a relation whose key no chapter passage cites for both factors fails the build, naming file, line, relation and key', () => {
    const { status, output } = buildWith({ FACTORS: 'tests/fixtures/factors/unstated-relation.yaml', FIGURES: 'tests/fixtures/data/no-figures.yaml' });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /tests\/fixtures\/factors\/unstated-relation\.yaml:8:7: factor "cisplatin": relation "cisplatin inhibits osteoclast" cites "bertolini2009", but none of the 1 chapter passage citing "bertolini2009" names both cisplatin and osteoclast/,
    );
    expect(output).toContain('make it an uncited gloss: "gloss: true" and no "cites"');
  });
});
