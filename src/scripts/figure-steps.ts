/**
 * <figure-steps>: "Step through the cycle". Highlights one step's arrows at a time in the drawing,
 * marks the step in the numbered list (which stays readable without JavaScript) and announces its
 * sentence. Buttons, plus the arrow keys while focus is on a control.
 */
class FigureSteps extends HTMLElement {
  private current = -1;

  connectedCallback() {
    const controls = this.querySelector<HTMLElement>('.fig-step-controls');
    if (!controls || !this.items().length) return;
    controls.hidden = false;
    controls.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest('button')?.dataset['stepAction'];
      if (action === 'start') this.show(0);
      else if (action === 'next') this.show(Math.min(this.current + 1, this.items().length - 1));
      else if (action === 'previous') this.show(Math.max(this.current - 1, 0));
      else if (action === 'stop') this.show(-1);
    });
    controls.addEventListener('keydown', (event) => {
      if (this.current < 0) return;
      if (event.key === 'ArrowRight') this.show(Math.min(this.current + 1, this.items().length - 1));
      else if (event.key === 'ArrowLeft') this.show(Math.max(this.current - 1, 0));
      else if (event.key === 'Escape') this.show(-1);
      else return;
      event.preventDefault();
    });
  }

  private items() {
    return [...this.querySelectorAll<HTMLLIElement>('.fig-step-list > li')];
  }

  private button(action: string) {
    return this.querySelector<HTMLButtonElement>(`[data-step-action="${action}"]`) as HTMLButtonElement;
  }

  private show(index: number) {
    const items = this.items();
    this.current = index;
    const on = index >= 0;
    const pairs = new Set(on ? (items[index]?.dataset['pairs'] ?? '').split(' ') : []);
    this.classList.toggle('is-stepping', on);
    for (const el of this.querySelectorAll<SVGElement>('[data-pair]')) el.classList.toggle('is-current', pairs.has(el.dataset['pair'] ?? ''));
    items.forEach((li, i) => {
      li.classList.toggle('is-current', i === index);
      if (i === index) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    const start = this.button('start');
    const hadFocus = this.contains(document.activeElement);
    start.setAttribute('aria-expanded', String(on));
    start.hidden = on;
    this.button('previous').hidden = !on;
    this.button('next').hidden = !on;
    this.button('stop').hidden = !on;
    this.button('previous').disabled = index <= 0;
    this.button('next').disabled = index >= items.length - 1;
    const status = this.querySelector<HTMLElement>('.fig-step-status');
    if (status) status.textContent = on ? `Step ${index + 1} of ${items.length}: ${items[index]?.textContent?.trim() ?? ''}` : '';
    // Keep the keyboard where it was: on the controls, never on a hidden or disabled button.
    if (hadFocus) {
      const active = document.activeElement as HTMLButtonElement | null;
      if (on && (!active || active === document.body || active.hidden || active.disabled)) (index >= items.length - 1 ? this.button('previous') : this.button('next')).focus();
      else if (!on) start.focus();
    }
  }
}

customElements.define('figure-steps', FigureSteps);
