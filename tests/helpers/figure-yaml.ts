/**
 * A two-node graph figure (nodes a and b, chapter ch) as content/figures.yaml writes it, for the
 * tests of the figure data: each layout's positions can be given, and lines added after them. The
 * wide layout is on line 9 and the narrow one on line 10, as the tests' expected messages say.
 */
export const TWO_NODES = '{ a: [50, 50], b: [300, 50] }';

export const graphFigureYaml = ({ wide = TWO_NODES, narrow = TWO_NODES, extra = '' }: { wide?: string; narrow?: string; extra?: string } = {}) => `- id: fig-x
  number: 1
  kind: graph
  chapter: ch
  title: A title
  caption: A caption long enough to read.
  description: A description long enough to read.
  nodes: [a, b]
  wide: { width: 576, height: 100, at: ${wide} }
  narrow: { width: 356, height: 100, at: ${narrow} }
${extra}`;
