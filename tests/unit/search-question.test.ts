import { describe, expect, it } from 'vitest';
import { topicQuery, topicWords } from '../../src/lib/search/question.ts';

describe('questions become the words that carry their topic', () => {
  it.each([
    ['what do T cells do to osteoclasts', 'T cells osteoclasts'],
    ['which serum marker predicts skeletal events?', 'serum marker predicts skeletal events'],
    ['How does vitamin D raise RANKL?', 'vitamin D raise RANKL'],
    ['what is the role of B cells', 'B cells'],
    ['does NO drive osteoclast formation', 'NO drive osteoclast formation'],
  ])('%s -> %s', (question, topic) => {
    expect(topicQuery(question)).toBe(topic);
  });

  it('a query of stop words only is searched as typed', () => {
    expect(topicWords('what is this')).toEqual(['what', 'is', 'this']);
  });

  it('a plain query is untouched', () => {
    expect(topicQuery('IL-7 serum levels')).toBe('IL-7 serum levels');
  });
});
