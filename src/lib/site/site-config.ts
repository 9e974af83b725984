/**
 * Build settings read from the environment, checked with zod so a wrong value fails early
 * with the variable named.
 */
import { z } from 'zod';

const siteEnvSchema = z.object({
  SITE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'SITE_URL must be an absolute http(s) URL such as https://example.org')
    .default('http://localhost:4321'),
  BASE_PATH: z
    .string()
    .regex(/^\/([\w.-]+\/)*$/, 'BASE_PATH must start and end with "/", for example /review/')
    .default('/'),
  CHAPTERS_DIR: z.string().min(1).default('content/chapters'),
  BIBLIOGRAPHY: z.string().min(1).default('content/bibliography.bib'),
  FACTORS: z.string().min(1).default('content/factors.yaml'),
  REDIRECTS: z.string().min(1).default('content/redirects.yaml'),
  FIGURES: z.string().min(1).default('content/figures.yaml'),
  SEARCH_SYNONYMS: z.string().min(1).default('content/search-synonyms.yaml'),
  SITE_META: z.string().min(1).default('content/site.json'),
  /** The editors' own _headers rules, merged after the site's into dist/_headers. */
  HEADERS: z.string().min(1).default('public/_headers'),
});
export type SiteEnv = z.infer<typeof siteEnvSchema>;

export function readSiteEnv(env: Record<string, string | undefined>): SiteEnv {
  const picked = Object.fromEntries(
    Object.keys(siteEnvSchema.shape).flatMap((k) => (env[k] ? [[k, env[k]]] : [])),
  );
  const parsed = siteEnvSchema.safeParse(picked);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}
