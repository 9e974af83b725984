/**
 * Scripts loaded on first use, as a module script element from /<name>.js (built by
 * src/pages/[script].js.ts), not import(): that keeps the bundler's preload helper out of every
 * first visit.
 */
export const LAZY_SCRIPTS = ['section-tools', 'figure-steps', 'passage-link', 'evidence-filter'] as const;
export type LazyScript = (typeof LAZY_SCRIPTS)[number];

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
