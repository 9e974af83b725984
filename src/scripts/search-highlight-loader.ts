/** On arrival from a search result (?highlight=...), loads the highlighting (/search-highlight.js); otherwise nothing. */
import { loadLazyScript } from './lazy-script.ts';

if (new URLSearchParams(location.search).has('highlight')) void loadLazyScript('search-highlight');
