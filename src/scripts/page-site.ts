/**
 * /page-site.js: what every page runs on load (BaseLayout): the header (theme toggle, search box on
 * phones, the "/" key), the loader of the anchor fixes, and the figures' phone drawings and step-through controls,
 * which do nothing on a page without a figure.
 */
import './site-header.ts';
import './anchor-redirects-loader.ts';
import './figure-phone-loader.ts';
import './figure-steps-loader.ts';
