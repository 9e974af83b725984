/**
 * figure-files: starts rendering every figure PNG (src/lib/figures/download-files.ts) as soon as a
 * build has its configuration, in a worker thread (downloads.ts), so that the renders run on another
 * core while Astro syncs, bundles and renders the site; the routes that serve the PNGs then find theirs rendered or under way (downloads.ts keeps
 * the renders of the whole process, whichever copy of the module started them). PNGs the build
 * cache holds are read from it instead.
 */
import type { AstroIntegration } from 'astro';
import { pngJobs } from '../lib/figures/download-files.ts';
import { renderPngsAhead } from '../lib/figures/downloads.ts';

export default function figureFiles(): AstroIntegration {
  return {
    name: 'figure-files',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        // As soon as the site's address is known: the renders overlap Astro's own work from the start.
        if (command !== 'build') return;
        let jobs: ReturnType<typeof pngJobs>;
        try {
          jobs = pngJobs({ site: config.site, base: config.base });
        } catch {
          // Data the figures are drawn from has a mistake: the build's own checks (the chapters, the
          // atlas, the figures' routes) report it, with its file and line, in their turn. Starting the
          // renders early is only a head start, so the routes draw and render their files then.
          return;
        }
        renderPngsAhead(jobs);
      },
    },
  };
}
