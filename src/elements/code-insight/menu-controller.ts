import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveMenuFocus } from './menu.js';

type MenuHost = ReactiveControllerHost & Pick<Element, 'toggleAttribute'> & { readonly renderRoot: ParentNode; readonly isConnected: boolean };

/**
 * Opens and closes a card's menu the way a menu button should: focus moves into the menu when it opens; arrows,
 * Home and End move among its items; Escape closes it and gives focus back to the button; Tab or a press
 * anywhere outside closes it. While open the card has a `menu-open` attribute: a dashboard lifts its cards'
 * paint containment (content-visibility) for it, which would otherwise cut off a menu taller than the card.
 */
export class MenuController implements ReactiveController {
  #open = false;
  /** Opened or closed since the last render: focus and the outside-press listener follow once it has rendered. */
  #changed = false;

  constructor(private readonly host: MenuHost) {
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  toggle = (): void => {
    this.#set(!this.#open);
  };

  handleKeyDown = (event: KeyboardEvent): void => {
    if (!this.#open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#set(false);
      this.host.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
    } else if (event.key === 'Tab') {
      this.#set(false);
    } else if (moveMenuFocus(this.host.renderRoot.querySelector('.menu-list')!, event.key)) {
      event.preventDefault();
    }
  };

  hostUpdated(): void {
    if (!this.#changed) return;
    this.#changed = false;
    // An update queued just before removal still runs: a removed card must not listen on the document.
    if (this.#open && this.host.isConnected) {
      this.host.renderRoot.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
      document.addEventListener('pointerdown', this.#handleOutsidePress, true);
    } else {
      document.removeEventListener('pointerdown', this.#handleOutsidePress, true);
    }
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#handleOutsidePress, true);
    // Closed for when the card comes back (moved elsewhere on the page).
    if (this.#open) this.host.requestUpdate();
    this.#open = false;
    this.#changed = false;
    this.host.toggleAttribute('menu-open', false);
  }

  #set(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    this.#changed = true;
    this.host.toggleAttribute('menu-open', open);
    this.host.requestUpdate();
  }

  #handleOutsidePress = (event: PointerEvent): void => {
    const menu = this.host.renderRoot.querySelector('.menu');
    if (!menu || !event.composedPath().includes(menu)) this.#set(false);
  };
}
