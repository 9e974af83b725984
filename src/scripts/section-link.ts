/**
 * <section-link>: a click on the section's link copies its absolute URL (with the anchor) and
 * announces "Link copied" through one shared live region. Middle-click and the context menu keep
 * working as for any link.
 */
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

export async function copyAndAnnounce(text: string, message: string): Promise<boolean> {
  const region = announcer();
  try {
    await navigator.clipboard.writeText(text);
    region.textContent = message;
    return true;
  } catch {
    region.textContent = 'Copying is blocked here: use the link’s context menu instead';
    return false;
  } finally {
    setTimeout(() => (region.textContent = ''), 3000);
  }
}

class SectionLink extends HTMLElement {
  connectedCallback(): void {
    const link = this.querySelector('a');
    if (!link) return;
    link.addEventListener('click', async (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      const url = new URL(link.getAttribute('href') ?? '', location.href).href;
      history.replaceState(null, '', link.getAttribute('href'));
      if (await copyAndAnnounce(url, 'Link copied')) {
        this.classList.add('copied');
        setTimeout(() => this.classList.remove('copied'), 1500);
      }
    });
  }
}

customElements.define('section-link', SectionLink);
