/**
 * Every reading page of the site, as site paths, for the sitemap. The embed pages (/embed/...) are
 * not among them: they repeat a chapter's section, and point to it with a canonical link.
 */
export function sitePaths(chapterIds: readonly string[], factorIds: readonly string[]): string[] {
  return ['/', ...chapterIds.map((id) => `/${id}/`), '/factors/', ...factorIds.map((id) => `/factors/${id}/`), '/references/', '/about/', '/search/'];
}

/** sitemap.xml for absolute page URLs. */
export function sitemapXml(urls: readonly string[], lastmod: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const items = urls.map((u) => `  <url><loc>${esc(u)}</loc><lastmod>${lastmod}</lastmod></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</urlset>\n`;
}
