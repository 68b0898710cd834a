import { html, nothing, type TemplateResult } from 'lit';
import { defaultMessages as m } from '../../model/messages.js';

/** One entry of a card's menu: a link to the instance, or an action. */
export type MenuItem = { label: string; href: string } | { label: string; action: () => void };

/**
 * The card's menu: a button and a list of `role="menuitem"` entries, opened and closed by the card (which owns
 * the keyboard handling: arrows, Home/End, Escape back to the button, Tab out).
 */
export function menuTemplate(items: MenuItem[], open: boolean, toggle: () => void, keydown: (event: KeyboardEvent) => void): TemplateResult {
  return html`<div class="menu" part="menu" @keydown=${keydown}>
    <button type="button" class="menu-button" aria-label=${m.menu} aria-haspopup="menu" aria-expanded=${open} @click=${toggle}>
      <svg viewBox="0 0 16 16" aria-hidden="true" class="menu-icon"><circle cx="3" cy="8" r="1.5"></circle><circle cx="8" cy="8" r="1.5"></circle><circle cx="13" cy="8" r="1.5"></circle></svg>
    </button>
    ${open
      ? html`<ul class="menu-list" role="menu" aria-label=${m.menu}>
          ${items.map((item) =>
            'href' in item
              ? html`<li role="none"><a role="menuitem" tabindex="-1" href=${item.href} target="_blank" rel="noopener noreferrer" @click=${toggle}>${item.label}</a></li>`
              : html`<li role="none"><button role="menuitem" tabindex="-1" type="button" @click=${() => (toggle(), item.action())}>${item.label}</button></li>`,
          )}
        </ul>`
      : nothing}
  </div>`;
}

/** Moves focus among the open menu's items; returns false for keys the menu does not use. */
export function moveMenuFocus(list: HTMLElement, key: string): boolean {
  const items = [...list.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const current = items.indexOf((list.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement);
  const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 }[key];
  if (next === undefined) return false;
  items[(next + items.length) % items.length]?.focus();
  return true;
}

/** Saves a blob as a file, as a download link would. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
