/**
 * /page-chapter.js: what a chapter runs on load (ChapterLayout), in one file: the site's scripts and
 * the chapter's own. Citation previews, section tools, the step-through, passage links, copy buttons,
 * search highlighting and anchor fixes load on first use (lazy-script.ts).
 */
import './page-site.ts';
import './citation-previews-loader.ts';
import './toc-current.ts';
import './section-link.ts';
import './passage-link-loader.ts';
import './search-highlight-loader.ts';
import './copy-button-loader.ts';
import './actual-address.ts';
import './backref-keys.ts';
