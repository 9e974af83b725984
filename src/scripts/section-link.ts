/**
 * <section-link>: a click on the section's link copies its absolute URL (with the anchor) and says
 * "Link copied", in words beside the control and through one shared live region. Middle-click and
 * the context menu keep working as for any link.
 *
 * Beside each h2 of a chapter it also adds the teaching tools, a small menu button opening:
 * "Copy link", "Copy embed code" (an <iframe> of /embed/<chapter>/<id>/), "Show QR code" and
 * "Cite this section" (the last two in a modal <dialog>, closed by Escape). The chapter's data comes
 * from #section-tools-data (ChapterLayout); the citation uses the reader's actual address.
 */
import { citeSection, type SectionCiteInput } from '../lib/teaching/section-cite.ts';

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
}

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
export async function copyAndAnnounce(text: string, message: string, visible?: HTMLElement | null): Promise<boolean> {
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

let toolsData: ToolsData | null | undefined;
function readToolsData(): ToolsData | null {
  if (toolsData === undefined) {
    const text = document.getElementById('section-tools-data')?.textContent;
    toolsData = text ? (JSON.parse(text) as ToolsData) : null;
  }
  return toolsData;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

let dialog: HTMLDialogElement | null = null;
/** The one modal dialog of the page, emptied and filled for each use. Escape closes it (native). */
function openDialog(title: string, ...body: Node[]): HTMLDialogElement {
  if (!dialog) {
    dialog = el('dialog', { className: 'teaching-dialog' });
    dialog.setAttribute('aria-labelledby', 'teaching-dialog-title');
    dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
    document.body.append(dialog);
  }
  const close = el('button', { type: 'button', className: 'dialog-close' }, 'Close');
  close.addEventListener('click', () => dialog?.close());
  dialog.replaceChildren(el('h2', { id: 'teaching-dialog-title' }, title), ...body, close);
  dialog.showModal();
  return dialog;
}

class SectionLink extends HTMLElement {
  #status: HTMLElement | null = null;

  connectedCallback(): void {
    const link = this.querySelector('a');
    if (!link || this.dataset['ready']) return;
    this.dataset['ready'] = '';
    this.#status = el('span', { className: 'section-link-status' });
    this.#status.setAttribute('aria-hidden', 'true');
    link.addEventListener('click', (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      history.replaceState(null, '', link.getAttribute('href'));
      void this.#copyLink();
    });
    const heading = this.parentElement?.querySelector(':scope > h2');
    const data = readToolsData();
    if (heading && data) this.#addTools(heading, data);
    this.append(this.#status);
  }

  get #id(): string {
    return (this.querySelector('a')?.getAttribute('href') ?? '').replace(/^#/, '');
  }

  #sectionUrl(): string {
    return new URL(`#${this.#id}`, location.href.split('#')[0]).href;
  }

  async #copyLink(): Promise<void> {
    if (await copyAndAnnounce(this.#sectionUrl(), 'Link copied', this.#status)) {
      this.classList.add('copied');
      setTimeout(() => this.classList.remove('copied'), 1500);
    }
  }

  #addTools(heading: Element, data: ToolsData): void {
    const id = this.#id;
    const title = heading.textContent?.trim() ?? id;
    const toggle = el('button', { type: 'button', className: 'section-tools-toggle' }, el('span', { ariaHidden: 'true' }, '⋯'));
    toggle.setAttribute('aria-label', `Share, embed or cite “${title}”`);
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', `section-tools-${id}`);
    const menu = el('ul', { className: 'section-tools', id: `section-tools-${id}`, hidden: true });
    menu.setAttribute('aria-label', `Tools for “${title}”`);
    const setOpen = (open: boolean, refocus = false) => {
      menu.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) menu.querySelector('button')?.focus();
      else if (refocus) toggle.focus();
    };
    const action = (label: string, run: () => void | Promise<void>) => {
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', () => {
        setOpen(false, true);
        void run();
      });
      menu.append(el('li', {}, b));
    };
    const embedUrl = new URL(`${data.base}embed/${data.chapter}/${id}/`, location.origin).href;
    action('Copy link', () => this.#copyLink());
    action('Copy embed code', () =>
      copyAndAnnounce(
        `<iframe src="${embedUrl}" title="${`${title} (${data.siteTitle})`.replace(/"/g, '&quot;')}" width="100%" height="600" loading="lazy" style="border:1px solid #ccc;border-radius:6px"></iframe>`,
        'Embed code copied',
        this.#status,
      ),
    );
    action('Show QR code', () => this.#showQr(data, id, title));
    action('Cite this section', () => this.#showCite(data, id, title));
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
    this.addEventListener('focusout', (e) => {
      if (!menu.hidden && !(e.relatedTarget instanceof Node && this.contains(e.relatedTarget))) setOpen(false);
    });
    document.addEventListener('pointerdown', (e) => {
      if (!menu.hidden && !(e.target instanceof Node && this.contains(e.target))) setOpen(false);
    });
    this.append(toggle, menu);
  }

  #showQr(data: ToolsData, id: string, title: string): void {
    const url = `${data.chapterUrl}#${id}`;
    const img = el('img', { className: 'qr-image', src: `${data.base}qr/${data.chapter}/${id}.svg`, alt: `QR code for ${url}`, width: 264, height: 264 });
    const status = el('span', { className: 'copy-status' });
    status.setAttribute('role', 'status');
    const copy = el('button', { type: 'button' }, 'Copy link');
    copy.addEventListener('click', () => void copyAndAnnounce(url, 'Link copied', status));
    const download = el('a', { href: img.src, download: `${data.chapter}-${id}-qr.svg` }, 'Download the SVG');
    openDialog(`QR code: ${title}`, img, el('p', { className: 'qr-url' }, url), el('div', { className: 'dialog-actions' }, copy, download, status));
  }

  #showCite(data: ToolsData, id: string, title: string): void {
    const today = new Date();
    const accessed = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const cite = citeSection({
      editors: data.editors,
      siteTitle: data.siteTitle,
      published: data.published,
      chapterTitle: data.chapterTitle,
      sectionTitle: title,
      sectionId: id,
      url: this.#sectionUrl(),
      review: data.review,
      accessed,
    });
    const blocks = (
      [
        ['vancouver', 'Vancouver', cite.vancouver],
        ['apa', 'APA', cite.apa],
        ['bibtex', 'BibTeX', cite.bibtex],
      ] as const
    ).map(([key, label, text]) => {
      const preId = `cite-section-${key}`;
      const button = el('button', { type: 'button' }, 'Copy');
      button.setAttribute('aria-describedby', `${preId}-label`);
      const status = el('span', { className: 'copy-status' });
      status.setAttribute('role', 'status');
      button.addEventListener('click', () => void copyAndAnnounce(text, 'Copied', status));
      return el(
        'div',
        { className: 'cite-block' },
        el('div', { className: 'cite-head' }, el('h3', { className: 'cite-label', id: `${preId}-label` }, label), button, status),
        el('pre', { id: preId }, el('code', {}, text)),
      );
    });
    openDialog(`Cite “${title}”`, ...blocks);
  }
}

customElements.define('section-link', SectionLink);
