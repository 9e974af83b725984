/** rehype-citation's own copy of citation-js (its package exports ./node/*), used to convert the bibliography once. */
declare module 'rehype-citation/node/cite.mjs' {
  export default class Cite {
    constructor(data: unknown, options?: { generateGraph?: boolean });
    data: Record<string, unknown>[];
  }
}
