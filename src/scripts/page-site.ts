/**
 * /page-site.js: what every page runs on load (BaseLayout): the header (theme toggle, search box on
 * phones, the "/" key), the loader of the anchor fixes, the figures' phone drawings, step-through controls,
 * arrow keys between their boxes and evidence filter, which do nothing on a page without a figure.
 */
import './site-header.ts';
import './anchor-redirects-loader.ts';
import './figure-phone-loader.ts';
import './figure-steps-loader.ts';
import './figure-cells.ts';
import './evidence-filter-loader.ts';
