/**
 * Runs the content-data stage when imported. astro.config.mjs imports it first, before any module
 * that reads a data file as it loads (site-data.ts reads site.json), so the build's first error is
 * the full list of data mistakes.
 */
import { checkContentData } from './content-data.ts';
import { readSiteEnv } from './site-config.ts';

export const contentData = checkContentData(readSiteEnv(process.env));
