/**
 * Copying with feedback, shared by the section link, the passage link and the section tools: the
 * text goes to the clipboard, and one live region (plus, where given, a visible element) says so.
 */
import { canonicalSectionUrl } from '../lib/links/urls.ts';

function announcer(): HTMLElement {
  let region = document.getElementById('copy-announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'copy-announcer';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
}

/** Copies `text`; says `message` (or that copying is blocked) to screen readers and in `visible`. */
export async function copyAndAnnounce(text: string, message: string, visible?: Element | null): Promise<boolean> {
  const region = announcer();
  let ok = true;
  try {
    await navigator.clipboard.writeText(text);
    region.textContent = message;
  } catch {
    ok = false;
    region.textContent = 'Copying is blocked here: use the link’s context menu instead';
  }
  if (visible) visible.textContent = ok ? message : 'Copying blocked';
  setTimeout(() => {
    region.textContent = '';
    if (visible) visible.textContent = '';
  }, 3000);
  return ok;
}

/** A section's absolute URL at the reader's actual address, without the query the reader may have arrived with. */
export const sectionUrl = (id: string): string => canonicalSectionUrl(location.href, id);

/** Copies a section's link and says "Link copied" beside its control. */
export async function copySectionLink(host: HTMLElement, id: string): Promise<void> {
  if (await copyAndAnnounce(sectionUrl(id), 'Link copied', host.querySelector('.section-link-status'))) {
    host.classList.add('copied');
    setTimeout(() => host.classList.remove('copied'), 1500);
  }
}
