/**
 * <copy-button for="id">: copies the text of the element with that id and says so to screen readers.
 * Hidden without JavaScript, where the text can still be selected by hand.
 */
class CopyButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const status = this.querySelector('[role=status]');
    const source = document.getElementById(this.getAttribute('for') ?? '');
    if (!button || !status || !source) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent ?? '');
        status.textContent = 'Copied';
      } catch {
        status.textContent = 'Copying failed: select the text and copy it by hand';
      }
      setTimeout(() => (status.textContent = ''), 2500);
    });
  }
}

customElements.define('copy-button', CopyButton);
