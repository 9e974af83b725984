/**
 * The heights embed codes ask for: a measured page height with a little room, rounded up, within
 * bounds; a chapter's stored heights by section, naming any section that has none.
 */
import { describe, expect, it } from 'vitest';
import { chapterEmbedHeights, EMBED_MAX_HEIGHT, EMBED_MIN_HEIGHT, embedKey, frameHeight } from '../../src/lib/teaching/embed-heights.ts';
import stored from '../../src/lib/teaching/embed-heights.json';

describe('embed heights', () => {
  it('a measured height becomes the frame height: 16 px to spare, rounded up to 10 px, between the minimum and the maximum', () => {
    expect(frameHeight(1493)).toBe(1510);
    expect(frameHeight(1494)).toBe(1510);
    expect(frameHeight(120)).toBe(EMBED_MIN_HEIGHT);
    expect(frameHeight(4223)).toBe(EMBED_MAX_HEIGHT);
    expect(() => frameHeight(0)).toThrow(/measure again after a build/);
  });

  it('a chapter gets its sections\' stored heights and the list of those without one', () => {
    const heights = { [embedKey('serum-markers', 'il-7')]: 2400, [embedKey('serum-markers', 'why-early-detection')]: 620 };
    expect(chapterEmbedHeights(heights, 'serum-markers', ['why-early-detection', 'il-7', 'new-section'])).toEqual({
      heights: { 'why-early-detection': 620, 'il-7': 2400 },
      missing: ['serum-markers/new-section'],
    });
  });

  it('the stored file holds a height within bounds for each section it names', () => {
    const entries = Object.entries(stored as Record<string, number>);
    expect(entries.length).toBeGreaterThan(20);
    for (const [key, h] of entries) {
      expect(key).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(h, key).toBeGreaterThanOrEqual(EMBED_MIN_HEIGHT);
      expect(h, key).toBeLessThanOrEqual(EMBED_MAX_HEIGHT);
    }
  });
});
