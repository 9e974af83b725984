/**
 * The teaching tools of a chapter's h2s, loaded on the first use of a menu button (section-link.ts)
 * and served as /section-tools.js (src/pages/section-tools.js.ts bundles this file): "Copy link", "Copy embed code" (an <iframe> of /embed/<chapter>/<id>/,
 * as high as that page measured in a 640 px frame, allowed to copy to the clipboard for its Copy buttons),
 * "Show QR code" and "Cite this section", the last two in a modal <dialog> that Escape closes.
 * The chapter's data comes from #section-tools-data (ChapterLayout); citations use the reader's
 * actual address and today's date.
 */
import { citeSection, type SectionCiteInput } from '../lib/teaching/section-cite.ts';
import { copyAndAnnounce, copySectionLink, sectionUrl } from './copy-announce.ts';

interface ToolsData {
  chapter: string;
  chapterTitle: string;
  /** The chapter's absolute address as the QR codes encode it (SITE_URL + base). */
  chapterUrl: string;
  base: string;
  editors: string;
  siteTitle: string;
  published: string;
  review: SectionCiteInput['review'];
  /** Each section's embed height, measured (src/lib/teaching/embed-heights.ts). */
  embedHeights: Record<string, number>;
}

const data = JSON.parse(document.getElementById('section-tools-data')?.textContent ?? 'null') as ToolsData;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const statusEl = () => {
  const s = el('span', { className: 'copy-status' });
  s.setAttribute('role', 'status');
  return s;
};

let dialog: HTMLDialogElement | null = null;
/** The one modal dialog of the page, filled anew for each use. Escape closes it (native). */
function openDialog(title: string, ...body: Node[]): void {
  if (!dialog) {
    dialog = el('dialog', { className: 'teaching-dialog' });
    dialog.setAttribute('aria-labelledby', 'teaching-dialog-title');
    dialog.addEventListener('click', (e) => e.target === dialog && dialog?.close());
    document.body.append(dialog);
  }
  const close = el('button', { type: 'button', className: 'dialog-close' }, 'Close');
  close.addEventListener('click', () => dialog?.close());
  dialog.replaceChildren(el('h2', { id: 'teaching-dialog-title' }, title), ...body, close);
  dialog.showModal();
}

function showQr(id: string, title: string): void {
  const url = `${data.chapterUrl}#${id}`;
  const img = el('img', { className: 'qr-image', src: `${data.base}qr/${data.chapter}/${id}.svg`, alt: `QR code for ${url}`, width: 264, height: 264 });
  const status = statusEl();
  const copy = el('button', { type: 'button' }, 'Copy link');
  copy.addEventListener('click', () => void copyAndAnnounce(url, 'Link copied', status));
  const download = el('a', { href: img.src, download: `${data.chapter}-${id}-qr.svg` }, 'Download the SVG');
  openDialog(`QR code: ${title}`, img, el('p', { className: 'qr-url' }, url), el('div', { className: 'dialog-actions' }, copy, download, status));
}

function showCite(id: string, title: string): void {
  const now = new Date();
  const accessed = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const cite = citeSection({ ...data, sectionTitle: title, sectionId: id, url: sectionUrl(id), accessed });
  const blocks = (
    [
      ['vancouver', 'Vancouver', cite.vancouver],
      ['apa', 'APA', cite.apa],
      ['bibtex', 'BibTeX', cite.bibtex],
    ] as const
  ).map(([key, label, text]) => {
    const labelId = `cite-section-${key}-label`;
    const button = el('button', { type: 'button' }, 'Copy');
    button.setAttribute('aria-describedby', labelId);
    const status = statusEl();
    button.addEventListener('click', () => void copyAndAnnounce(text, 'Copied', status));
    return el(
      'div',
      { className: 'cite-block' },
      el('div', { className: 'cite-head' }, el('h3', { className: 'cite-label', id: labelId }, label), button, status),
      el('pre', { id: `cite-section-${key}` }, el('code', {}, text)),
    );
  });
  openDialog(`Cite “${title}”`, ...blocks);
}

/** Moves an opened menu sideways so that all of it is on screen, 8 px from either edge (a phone at 320 px). */
function fitInViewport(menu: HTMLElement): void {
  menu.style.translate = '';
  const margin = 8;
  const { left, right } = menu.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const shift = left < margin ? margin - left : right > width - margin ? width - margin - right : 0;
  if (shift) menu.style.translate = `${Math.round(shift)}px 0`;
}

/** Builds the menu of one section's tools beside its toggle. */
function attachSectionTools(host: HTMLElement, toggle: HTMLButtonElement, heading: Element, id: string): (open: boolean) => void {
  toggle.dataset['tools'] = '';
  const title = heading.textContent?.trim() ?? id;
  const status = host.querySelector('.section-link-status');
  const menu = el('ul', { className: 'section-tools', id: `section-tools-${id}`, hidden: true });
  menu.setAttribute('aria-label', `Tools for “${title}”`);
  const setOpen = (open: boolean, refocus = false) => {
    menu.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) fitInViewport(menu);
    if (open) menu.querySelector('button')?.focus();
    else if (refocus) toggle.focus();
  };
  const action = (label: string, run: () => unknown) => {
    const b = el('button', { type: 'button' }, label);
    b.addEventListener('click', () => {
      setOpen(false, true);
      void run();
    });
    menu.append(el('li', {}, b));
  };
  const embedUrl = new URL(`${data.base}embed/${data.chapter}/${id}/`, location.origin).href;
  const frameTitle = `${title} (${data.siteTitle})`.replace(/"/g, '&quot;');
  action('Copy link', () => copySectionLink(host, id));
  action('Copy embed code', () =>
    copyAndAnnounce(
      `<iframe src="${embedUrl}" title="${frameTitle}" width="100%" height="${data.embedHeights[id] ?? 600}" loading="lazy" allow="clipboard-write" style="border:1px solid #ccc;border-radius:6px"></iframe>`,
      'Embed code copied',
      status,
    ),
  );
  action('Show QR code', () => showQr(id, title));
  action('Cite this section', () => showCite(id, title));
  toggle.addEventListener('click', () => setOpen(menu.hidden));
  menu.addEventListener('keydown', (e) => {
    const buttons = [...menu.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false, true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    }
  });
  host.addEventListener('focusout', (e) => {
    if (!menu.hidden && !(e.relatedTarget instanceof Node && host.contains(e.relatedTarget))) setOpen(false);
  });
  document.addEventListener('pointerdown', (e) => {
    if (!menu.hidden && !(e.target instanceof Node && host.contains(e.target))) setOpen(false);
  });
  toggle.after(menu);
  return setOpen;
}

for (const toggle of document.querySelectorAll<HTMLButtonElement>('section-link .section-tools-toggle')) {
  const host = toggle.closest('section-link') as HTMLElement;
  const heading = host.parentElement?.querySelector(':scope > h2');
  const id = host.dataset['section'] ?? '';
  if (!heading || !id) continue;
  const setOpen = attachSectionTools(host, toggle, heading, id);
  if (host.dataset['toolsWanted'] !== undefined) {
    delete host.dataset['toolsWanted'];
    setOpen(true);
  }
}
