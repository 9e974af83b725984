/**
 * Scripts built by src/pages/[script].js.ts (esbuild, one minified file each, with what they import):
 * - PAGE_SCRIPTS run on load, one file per kind of page, so a first visit fetches one small module
 *   instead of a chain of chunks: `page-site` on every page (BaseLayout), `page-chapter` on chapters
 *   (the site's scripts plus the chapter's);
 * - LAZY_SCRIPTS load on first use, as a module script element from /<name>.js, not import(): that
 *   keeps the bundler's preload helper out of every first visit.
 */
export const LAZY_SCRIPTS = ['section-tools', 'figure-steps', 'passage-link', 'citation-previews', 'search-highlight', 'figure-phone', 'anchor-redirects', 'copy-button', 'evidence-filter'] as const;
export type LazyScript = (typeof LAZY_SCRIPTS)[number];
export const PAGE_SCRIPTS = ['page-site', 'page-chapter'] as const;
export type PageScript = (typeof PAGE_SCRIPTS)[number];

const loading = new Map<LazyScript, Promise<void>>();

/** Loads /<name>.js once; resolves when it has run. */
export function loadLazyScript(name: LazyScript): Promise<void> {
  let done = loading.get(name);
  if (!done) {
    done = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = `${document.documentElement.dataset['base'] ?? '/'}${name}.js`;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`${name}.js could not be loaded`)));
      document.head.append(script);
    });
    loading.set(name, done);
  }
  return done;
}
