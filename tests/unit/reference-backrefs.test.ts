import { describe, expect, it } from 'vitest';
import { renderMdx } from '../helpers/pipeline.ts';

const chapter = (body: string) => `## First section {/* #first */}\n\n${body}\n`;
const entry = (html: string, key: string) => new RegExp(`<li id="bib-${key}"[\\s\\S]*?</li>`).exec(html)?.[0] ?? '';

describe('the back-links of a reference-list entry', () => {
  it('several back-links are a group labelled with how many places cite the reference, each still a plain link', async () => {
    const { html } = await renderMdx(chapter('A [@mundy2002]. B [@mundy2002]. C [@mundy2002].'));
    const mundy = entry(html, 'mundy2002');
    expect(mundy).toContain('<span class="backrefs" role="group" aria-label="Back to the 3 places that cite reference 30">');
    const links = [...mundy.matchAll(/<a class="backref" href="#citation--[^"]+"[^>]*>([a-z])<\/a>/g)].map((m) => m[1]);
    expect(links).toEqual(['a', 'b', 'c']);
    expect(mundy).not.toContain('tabindex');
  });

  it('a single back-link is a plain arrow, not a group', async () => {
    const { html } = await renderMdx(chapter('A [@mundy2002]. B [@mundy2002]. C [@kang2003].'));
    const kang = entry(html, 'kang2003');
    expect(kang).toContain('<span class="backrefs"><a class="backref"');
    expect(kang).toContain('>↑</a>');
    expect(kang).not.toContain('role="group"');
  });

  it('the hint naming the arrow keys is written hidden, for the script to show, and only where an entry has several back-links', async () => {
    const several = await renderMdx(chapter('A [@mundy2002]. B [@mundy2002].'));
    expect(several.html).toMatch(/<h2 id="references-title">References<\/h2><p class="backref-keys" hidden>[^<]*the arrow keys move between them\.<\/p><ol class="reference-list">/);
    const single = await renderMdx(chapter('A [@mundy2002]. B [@kang2003].'));
    expect(single.html).not.toContain('backref-keys');
  });
});
